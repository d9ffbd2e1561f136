import { getAccessToken, LOGOUT_URL, refreshSession, REFRESH_URL } from './session-store'

const NO_RETRY_PATHS = new Set([REFRESH_URL, LOGOUT_URL, '/api/v1/auth/login'])

function withBearer(request: Request, token: string | null): Request {
  if (!token) return request
  const headers = new Headers(request.headers)
  headers.set('Authorization', `Bearer ${token}`)
  return new Request(request, { headers })
}

/**
 * `fetch` for API calls: adds the in-memory access token and, when an
 * authenticated call answers 401, refreshes the session once (shared by all
 * concurrent callers) and retries the call once with the new token.
 */
export async function authFetch(request: Request): Promise<Response> {
  const token = getAccessToken()
  const canRetry = token !== null && !NO_RETRY_PATHS.has(new URL(request.url).pathname)
  const spare = canRetry ? request.clone() : null

  const response = await globalThis.fetch(withBearer(request, token))
  if (response.status !== 401 || !spare) return response

  const refreshed = await refreshSession({ staleToken: token })
  const fresh = getAccessToken()
  if (!refreshed || !fresh) return response
  return globalThis.fetch(withBearer(spare, fresh))
}
