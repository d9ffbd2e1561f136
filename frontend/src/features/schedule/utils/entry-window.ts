import type { EntryRefusal, LiveClass } from '../api/types'

/** Students may open the room 10 minutes before the start, those who teach the class an hour before. */
export const STUDENT_EARLY_ENTRY_MS = 10 * 60_000
export const TUTOR_EARLY_ENTRY_MS = 60 * 60_000

export type EntryState =
  | { kind: 'open' }
  /** Not yet: the room opens at `opensAt` (ms since the epoch). */
  | { kind: 'opens'; opensAt: number }
  | { kind: 'closed'; reason: EntryRefusal }

export function opensAt(session: Pick<LiveClass, 'starts_at' | 'viewer'>): number {
  const early = session.viewer.can_manage ? TUTOR_EARLY_ENTRY_MS : STUDENT_EARLY_ENTRY_MS
  return Date.parse(session.starts_at) - early
}

/**
 * Whether the viewer may enter the room at `now`, by the server's rule (`viewer.entry_refusal`)
 * carried forward on the clock, so a card becomes enterable on time without asking the server again.
 */
export function entryState(
  session: Pick<LiveClass, 'starts_at' | 'ends_at' | 'status' | 'viewer'>,
  now: number,
): EntryState {
  const refusal = session.viewer.entry_refusal
  if (refusal && refusal !== 'too_early') return { kind: 'closed', reason: refusal }
  if (session.status === 'live') return { kind: 'open' }
  if (now > Date.parse(session.ends_at)) return { kind: 'closed', reason: 'session_over' }
  if (refusal === null) return { kind: 'open' }
  const at = opensAt(session)
  return now >= at ? { kind: 'open' } : { kind: 'opens', opensAt: at }
}

/** Whether a class has begun (or its time has come), so it may have attendance to show. */
export function hasStarted(session: Pick<LiveClass, 'status' | 'starts_at'>, now: number): boolean {
  if (session.status === 'live' || session.status === 'ended') return true
  return session.status === 'scheduled' && Date.parse(session.starts_at) <= now
}
