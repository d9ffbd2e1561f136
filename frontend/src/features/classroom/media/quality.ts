/**
 * Connection quality from WebRTC statistics: round-trip time, packet loss and jitter, read every few seconds,
 * become good / fair / poor. The thresholds follow common VoIP guidance (ITU-T G.114 puts 150 ms one way,
 * so ~300 ms round trip, at the edge of comfortable conversation; a few per cent of loss is audible).
 */

export type Quality = 'good' | 'fair' | 'poor'

export interface QualitySample {
  /** Round-trip time in milliseconds. */
  rttMs: number | null
  /** Packets lost, as a percentage of those expected since the last sample. */
  lossPercent: number | null
  /** Jitter in milliseconds. */
  jitterMs: number | null
}

export const QUALITY_THRESHOLDS = {
  fair: { rttMs: 300, lossPercent: 2, jitterMs: 30 },
  poor: { rttMs: 600, lossPercent: 8, jitterMs: 80 },
} as const

/** The worst of the three measures decides; null when nothing was measured yet. */
export function classifyQuality(sample: QualitySample): Quality | null {
  const { rttMs, lossPercent, jitterMs } = sample
  if (rttMs === null && lossPercent === null && jitterMs === null) return null
  const over = (limits: { rttMs: number; lossPercent: number; jitterMs: number }) =>
    (rttMs ?? 0) > limits.rttMs || (lossPercent ?? 0) > limits.lossPercent || (jitterMs ?? 0) > limits.jitterMs
  if (over(QUALITY_THRESHOLDS.poor)) return 'poor'
  if (over(QUALITY_THRESHOLDS.fair)) return 'fair'
  return 'good'
}

const RANK: Record<Quality, number> = { good: 0, fair: 1, poor: 2 }

/**
 * One's own connection from every link's: the middle one (rounded towards worse), so one peer's bad network
 * does not paint one's own as poor, while most links suffering does.
 */
export function overallQuality(qualities: readonly (Quality | null)[]): Quality | null {
  const known = qualities.filter((q): q is Quality => q !== null).sort((a, b) => RANK[a] - RANK[b])
  if (known.length === 0) return null
  return known[Math.floor(known.length / 2)] ?? null
}

/** Loss between two readings of cumulative counters, as a percentage (null without new packets). */
export function lossBetween(
  before: { lost: number; received: number } | null,
  after: { lost: number; received: number },
): number | null {
  const lost = after.lost - (before?.lost ?? 0)
  const received = after.received - (before?.received ?? 0)
  const expected = lost + received
  if (expected <= 0) return null
  return Math.max(0, (lost / expected) * 100)
}

/** The figures a quality sample needs, read from one `getStats()` report. */
export interface LinkStats {
  rttMs: number | null
  jitterMs: number | null
  /** Cumulative inbound counters over every incoming stream. */
  inbound: { lost: number; received: number }
  /** The sender's own reading of why its video is held back, for the camera's outgoing stream. */
  qualityLimitationReason: string | null
  availableOutgoingBitrate: number | null
}

type StatsEntry = Record<string, unknown> & { type: string; id: string }

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * Reads an `RTCStatsReport` (any iterable of its entries works, which keeps this testable): the selected
 * candidate pair's RTT and outgoing estimate (the transport names it; older browsers only mark it
 * nominated), inbound loss and jitter (the worst stream's), and the video senders' limitation reason.
 */
export function readLinkStats(report: Iterable<StatsEntry>): LinkStats {
  const entries = [...report]
  const selectedId = entries.find((entry) => entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string')
    ?.selectedCandidatePairId
  const pairs = entries.filter((entry) => entry.type === 'candidate-pair')
  const pair =
    pairs.find((entry) => entry.id === selectedId) ??
    pairs.find((entry) => (entry.nominated === true || entry.selected === true) && entry.state === 'succeeded')
  let jitterMs: number | null = null
  let lost = 0
  let received = 0
  let qualityLimitationReason: string | null = null
  let remoteRttMs: number | null = null
  for (const entry of entries) {
    if (entry.type === 'inbound-rtp') {
      lost += Math.max(0, num(entry.packetsLost) ?? 0)
      received += num(entry.packetsReceived) ?? 0
      const jitter = num(entry.jitter)
      if (jitter !== null) jitterMs = Math.max(jitterMs ?? 0, jitter * 1000)
    } else if (entry.type === 'outbound-rtp' && entry.kind === 'video') {
      const reason = entry.qualityLimitationReason
      // Several video senders (camera, screen): the one held back for bandwidth tells the most.
      if (typeof reason === 'string' && (qualityLimitationReason === null || reason === 'bandwidth')) {
        qualityLimitationReason = reason
      }
    } else if (entry.type === 'remote-inbound-rtp') {
      const rtt = num(entry.roundTripTime)
      if (rtt !== null) remoteRttMs = Math.max(remoteRttMs ?? 0, rtt * 1000)
    }
  }
  const pairRtt = num(pair?.currentRoundTripTime)
  return {
    rttMs: pairRtt !== null ? pairRtt * 1000 : remoteRttMs,
    jitterMs,
    inbound: { lost, received },
    qualityLimitationReason,
    availableOutgoingBitrate: num(pair?.availableOutgoingBitrate),
  }
}
