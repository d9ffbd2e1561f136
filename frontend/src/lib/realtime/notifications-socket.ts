/** Pure helpers for the notifications websocket (kept apart from React for tests). */

export interface RealtimeEvent {
  type: string
  op: string
  [key: string]: unknown
}

const MAX_DELAY_MS = 30_000
const BASE_DELAY_MS = 1_000

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export function notificationsSocketUrl(
  ticket: string,
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/ws/notifications/?ticket=${encodeURIComponent(ticket)}`
}

export function parseRealtimeEvent(data: unknown): RealtimeEvent | null {
  if (typeof data !== 'string') return null
  try {
    const value: unknown = JSON.parse(data)
    if (
      typeof value === 'object' &&
      value !== null &&
      'type' in value &&
      typeof value.type === 'string' &&
      'op' in value &&
      typeof value.op === 'string'
    ) {
      return value as RealtimeEvent
    }
  } catch {
    // Not JSON: ignore.
  }
  return null
}

/** Keep-alive interval; the server answers `{"type": "ping"}` with a `pong`. */
export const PING_INTERVAL_MS = 25_000

let ownPasswordChangeUntil = 0

/**
 * Called by this tab right after it changed the password, so the
 * `account.password_changed` event that follows is not reported back to the
 * person who just did it.
 */
export function noteOwnPasswordChange(now: number = Date.now()): void {
  ownPasswordChangeUntil = now + 15_000
}

export function isOwnPasswordChange(now: number = Date.now()): boolean {
  return now < ownPasswordChangeUntil
}
