/**
 * JSON calls to the payments endpoints, through the authenticated `fetch` directly (their shapes are the generated
 * schema's, aliased in `./types`); failures become `ApiError`s exactly as `unwrap` makes them for the typed client.
 */
import { authFetch } from '@/lib/auth/auth-fetch'
import { apiErrorFromResponse, networkError } from '@/lib/errors'

type Query = Record<string, string | number | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST'
  body?: unknown
  query?: Query
  headers?: Record<string, string>
  signal?: AbortSignal | undefined
}

export function apiUrl(path: string, query: Query = {}): string {
  const url = new URL(`/api/v1${path}`, window.location.origin)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
  }
  return url.toString()
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return null
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, headers = {}, signal } = options
  const request = new Request(apiUrl(path, query), {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  })
  let response: Response
  try {
    response = await authFetch(request)
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
  const data = response.status === 204 ? null : await readJson(response)
  if (!response.ok) throw apiErrorFromResponse(response, data)
  return data as T
}

/** Path segments from the URL or the API are encoded before they go into a path. */
export const segment = encodeURIComponent
