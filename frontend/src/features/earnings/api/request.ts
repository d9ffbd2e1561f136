import { authFetch } from '@/lib/auth/auth-fetch'
import { apiErrorFromResponse, networkError } from '@/lib/errors'

type Query = Record<string, string | number | null | undefined>

export interface RequestOptions {
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** `/api/v1` + `path` on the page's origin, with the non-empty query parameters. */
export function apiUrl(path: string, query: Query = {}): string {
  const url = new URL(`/api/v1${path}`, window.location.origin)
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, String(value))
  }
  return url.toString()
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * A JSON call to a payments API endpoint (its shapes are the generated schema's, aliased in `./types`), with the
 * same session handling (`authFetch`) and the same errors (`ApiError`) as `unwrap(apiClient…)`.
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const request = new Request(apiUrl(path, options.query), {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  })
  let response: Response
  try {
    response = await authFetch(request)
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
  const body = await readBody(response)
  if (!response.ok) throw apiErrorFromResponse(response, body)
  return body as T
}
