/**
 * Countdown maths for a timed attempt. The server's `seconds_left` is the truth; the device clock
 * only measures time since that answer arrived, so a wrong device clock cannot move the deadline.
 */

/** Moments (seconds left) announced to screen readers, largest first. */
export const ANNOUNCE_AT = [300, 60] as const
export type AnnounceAt = (typeof ANNOUNCE_AT)[number]

/** The local deadline (ms on this device's clock): when the answer was received plus the time left. */
export function localDeadline(receivedAt: number, secondsLeft: number | null): number | null {
  return secondsLeft === null ? null : receivedAt + Math.max(0, secondsLeft) * 1000
}

/** Whole seconds left until `deadline`, rounded up so 0 means the time is really over. */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000))
}

/** The announcement moment passed between two readings of the countdown, if any. */
export function crossedAnnouncement(previous: number, current: number): AnnounceAt | null {
  let crossed: AnnounceAt | null = null
  for (const at of ANNOUNCE_AT) if (previous > at && current <= at && current > 0) crossed = at
  return crossed
}
