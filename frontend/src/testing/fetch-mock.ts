import { vi } from 'vitest'

export type Handler = (request: Request) => Response | Promise<Response>

export interface Route {
  method: string
  path: string | RegExp
  handler: Handler
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

export function apiError(
  status: number,
  code: string,
  message = 'Error',
  fields?: Record<string, string[]>,
  headers: Record<string, string> = {},
): Response {
  return json({ error: { code, message, ...(fields ? { fields } : {}) } }, status, headers)
}

/**
 * Replaces `fetch` with a router over `routes`. Every request is recorded (as a
 * clone, so bodies can be read in assertions). Unmatched requests fail loudly.
 */
export function mockFetch(routes: Route[]) {
  const requests: Request[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request && !init ? input : new Request(input, init)
    requests.push(request.clone())
    const url = new URL(request.url)
    const route = routes.find(
      (candidate) =>
        candidate.method === request.method &&
        (typeof candidate.path === 'string'
          ? candidate.path === url.pathname
          : candidate.path.test(url.pathname)),
    )
    if (!route) {
      return json({ error: { code: 'not_found', message: `No mock for ${request.method} ${url.pathname}` } }, 404)
    }
    return route.handler(request)
  })
  vi.stubGlobal('fetch', fetchMock)
  return {
    fetchMock,
    requests,
    /** Requests to one path (and method), in order. */
    calls: (method: string, path: string) =>
      requests.filter((request) => request.method === method && new URL(request.url).pathname === path),
  }
}
