/**
 * The signed-in session, held only in memory.
 *
 * The access token lives in this module and nowhere else (never in
 * localStorage or sessionStorage). The refresh token is an HttpOnly cookie that
 * JavaScript never sees; `refreshSession()` asks the server to exchange it.
 */
import type { Session, User } from '@/api/types'

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous'

export interface AuthSnapshot {
  status: AuthStatus
  user: User | null
}

export const REFRESH_URL = '/api/v1/auth/refresh'
export const LOGOUT_URL = '/api/v1/auth/logout'
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_SECONDS = 60
const MIN_REFRESH_DELAY_SECONDS = 5
const NETWORK_RETRY_SECONDS = 15

let accessToken: string | null = null
let accessExpiresAt = 0
let snapshot: AuthSnapshot = { status: 'loading', user: null }
let refreshTimer: ReturnType<typeof setTimeout> | undefined
let refreshInFlight: Promise<boolean> | null = null
const listeners = new Set<() => void>()

function emit(next: AuthSnapshot) {
  snapshot = next
  for (const listener of listeners) listener()
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function getAuthSnapshot(): AuthSnapshot {
  return snapshot
}

export function getAccessToken(): string | null {
  return accessToken
}

function clearRefreshTimer() {
  if (refreshTimer !== undefined) {
    clearTimeout(refreshTimer)
    refreshTimer = undefined
  }
}

function scheduleRefresh(delaySeconds: number) {
  clearRefreshTimer()
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined
    void refreshSession()
  }, delaySeconds * 1000)
}

/** Stores a session from login, refresh or password change and schedules the next refresh. */
export function startSession(session: Session): void {
  accessToken = session.access
  accessExpiresAt = Date.now() + session.access_expires_in * 1000
  scheduleRefresh(
    Math.max(MIN_REFRESH_DELAY_SECONDS, session.access_expires_in - REFRESH_MARGIN_SECONDS),
  )
  emit({ status: 'authenticated', user: session.user })
}

/** Replaces the cached user after `/me` changed (profile save, avatar upload…). */
export function updateSessionUser(user: User): void {
  if (snapshot.status !== 'authenticated') return
  emit({ status: 'authenticated', user })
}

/** Forgets the session locally; the user becomes anonymous. */
export function endSession(): void {
  clearRefreshTimer()
  accessToken = null
  accessExpiresAt = 0
  if (snapshot.status !== 'anonymous' || snapshot.user !== null) {
    emit({ status: 'anonymous', user: null })
  }
}

function isSession(value: unknown): value is Session {
  return (
    typeof value === 'object' &&
    value !== null &&
    'access' in value &&
    typeof value.access === 'string' &&
    'access_expires_in' in value &&
    typeof value.access_expires_in === 'number' &&
    'user' in value
  )
}

type RefreshOutcome = 'ok' | 'rejected' | 'network'

async function postRefresh(): Promise<RefreshOutcome> {
  let response: Response
  try {
    response = await globalThis.fetch(new URL(REFRESH_URL, window.location.origin), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
  } catch {
    return 'network'
  }
  if (!response.ok) return response.status >= 500 ? 'network' : 'rejected'
  const body: unknown = await response.json().catch(() => null)
  if (!isSession(body)) return 'rejected'
  startSession(body)
  return 'ok'
}

/**
 * Tabs share one refresh cookie that rotates on every use, so refreshes are
 * serialised across tabs with the Web Locks API where the browser has it.
 */
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined
  if (!locks) return task()
  return await locks.request('ustad-auth-refresh', task)
}

async function runRefresh(): Promise<boolean> {
  const outcome = await withRefreshLock(postRefresh)
  if (outcome === 'ok') return true
  if (outcome === 'network' && snapshot.status === 'authenticated' && accessExpiresAt > Date.now()) {
    // A blip while the current token is still valid: keep the session, try again soon.
    scheduleRefresh(NETWORK_RETRY_SECONDS)
    return false
  }
  endSession()
  return false
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share
 * one request. When the refresh is refused, the session ends (anonymous).
 *
 * `staleToken` is the access token a caller saw rejected: if a newer one has
 * arrived since, it is returned at once without another round trip.
 */
export function refreshSession(options: { staleToken?: string | null } = {}): Promise<boolean> {
  if (refreshInFlight) return refreshInFlight
  if (options.staleToken && accessToken && options.staleToken !== accessToken) {
    return Promise.resolve(true)
  }
  refreshInFlight = runRefresh().finally(() => {
    refreshInFlight = null
  })
  return refreshInFlight
}

let restoring: Promise<boolean> | null = null

/** Name of the readable cookie the server sets beside the HttpOnly refresh cookie (it holds no secret). */
export const SESSION_HINT_COOKIE = 'ustad_session'

function hasSessionHint(): boolean {
  return typeof document !== 'undefined' && document.cookie.split('; ').includes(`${SESSION_HINT_COOKIE}=1`)
}

/**
 * Restores the session on start-up from the refresh cookie (once per page load).
 * Visitors who never logged in have no session hint, so they skip the round trip.
 */
export function restoreSession(): Promise<boolean> {
  if (!restoring && !hasSessionHint()) {
    endSession()
    restoring = Promise.resolve(false)
  }
  restoring ??= refreshSession()
  return restoring
}

/** Signs out on the server (blacklists the refresh token, clears the cookie) and locally. */
export async function logout(): Promise<void> {
  const token = accessToken
  try {
    await globalThis.fetch(new URL(LOGOUT_URL, window.location.origin), {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    })
  } catch {
    // The local session ends regardless; the cookie expires on its own.
  } finally {
    endSession()
  }
}

/** Test helper: back to the state of a fresh page load. */
export function resetSessionForTests(status: AuthStatus = 'loading'): void {
  clearRefreshTimer()
  accessToken = null
  accessExpiresAt = 0
  refreshInFlight = null
  restoring = null
  listeners.clear()
  snapshot = { status, user: null }
}
