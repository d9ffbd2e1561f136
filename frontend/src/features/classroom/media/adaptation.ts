/**
 * Sending less video when the uplink struggles. Every few seconds each link's video sender reports whether
 * bandwidth holds it back (`qualityLimitationReason`) and how much the link can carry
 * (`availableOutgoingBitrate`); three bad readings in a row step the camera down a level (lower resolution and
 * bitrate), and a run of good ones steps it back up, so it neither flaps nor stays low for ever.
 *
 * The encoder says "bandwidth" whenever its bitrate is what holds the picture back, which is also true on a
 * fast link when our own cap (`maxBitrate`) does: so "bandwidth" counts only while the link's estimate is
 * below what the level asks for, or the estimate is unknown.
 */

export interface SendLevel {
  /** `RTCRtpEncodingParameters.scaleResolutionDownBy`. */
  scaleResolutionDownBy: number
  /** `RTCRtpEncodingParameters.maxBitrate`, bits per second. */
  maxBitrate: number
}

/** Level 0 is full quality for a mesh of a few people; each step down halves the resolution. */
export const SEND_LEVELS: readonly SendLevel[] = [
  { scaleResolutionDownBy: 1, maxBitrate: 1_000_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 300_000 },
  { scaleResolutionDownBy: 4, maxBitrate: 120_000 },
]

/** Below this estimate (bits per second) the link counts as struggling even before the encoder says so. */
export const LOW_OUTGOING_BITRATE = 250_000
export const BAD_READINGS_TO_STEP_DOWN = 3
/**
 * A new connection's bandwidth estimate starts low and climbs for several seconds, during which the encoder
 * reports "bandwidth" as a matter of course: readings from then do not count.
 */
export const WARM_UP_MS = 10_000
export const GOOD_READINGS_TO_STEP_UP = 5

export interface AdaptationState {
  level: number
  bad: number
  good: number
}

export const initialAdaptation: AdaptationState = { level: 0, bad: 0, good: 0 }

export interface SenderReading {
  qualityLimitationReason: string | null
  availableOutgoingBitrate: number | null
}

export function isStruggling(reading: SenderReading, level: number): boolean {
  const wanted = SEND_LEVELS[level]?.maxBitrate ?? 0
  const estimate = reading.availableOutgoingBitrate
  // The link cannot even carry a small picture at this level.
  if (estimate !== null && estimate < Math.min(wanted, LOW_OUTGOING_BITRATE)) return true
  return reading.qualityLimitationReason === 'bandwidth' && (estimate === null || estimate < wanted)
}

/** The next state after one reading. */
export function adapt(state: AdaptationState, reading: SenderReading): AdaptationState {
  const last = SEND_LEVELS.length - 1
  if (isStruggling(reading, state.level)) {
    const bad = state.bad + 1
    if (bad >= BAD_READINGS_TO_STEP_DOWN && state.level < last) return { level: state.level + 1, bad: 0, good: 0 }
    return { level: state.level, bad, good: 0 }
  }
  const good = state.good + 1
  if (good >= GOOD_READINGS_TO_STEP_UP && state.level > 0) {
    // Room to grow only when the estimate (if any) would carry the level above.
    const above = SEND_LEVELS[state.level - 1]!
    const estimate = reading.availableOutgoingBitrate
    if (estimate === null || estimate >= above.maxBitrate) return { level: state.level - 1, bad: 0, good: 0 }
    return { level: state.level, bad: 0, good }
  }
  return { level: state.level, bad: 0, good }
}
