import { describe, expect, it } from 'vitest'

import { classifyQuality, lossBetween, overallQuality, QUALITY_THRESHOLDS, readLinkStats } from './quality'

describe('connection quality', () => {
  it('is good on a clean, quick link', () => {
    expect(classifyQuality({ rttMs: 40, lossPercent: 0, jitterMs: 5 })).toBe('good')
    expect(classifyQuality({ rttMs: 300, lossPercent: 2, jitterMs: 30 })).toBe('good')
  })

  it('is fair just past any one of the fair limits', () => {
    expect(classifyQuality({ rttMs: 301, lossPercent: 0, jitterMs: 0 })).toBe('fair')
    expect(classifyQuality({ rttMs: 50, lossPercent: 2.5, jitterMs: 0 })).toBe('fair')
    expect(classifyQuality({ rttMs: 50, lossPercent: 0, jitterMs: 31 })).toBe('fair')
  })

  it('is poor when any measure is past the poor limit, whatever the others', () => {
    expect(classifyQuality({ rttMs: 601, lossPercent: 0, jitterMs: 0 })).toBe('poor')
    expect(classifyQuality({ rttMs: 20, lossPercent: 9, jitterMs: 1 })).toBe('poor')
    expect(classifyQuality({ rttMs: 20, lossPercent: 0, jitterMs: 81 })).toBe('poor')
    expect(QUALITY_THRESHOLDS.poor.lossPercent).toBeGreaterThan(QUALITY_THRESHOLDS.fair.lossPercent)
  })

  it('says nothing before anything was measured, and judges on what was', () => {
    expect(classifyQuality({ rttMs: null, lossPercent: null, jitterMs: null })).toBeNull()
    expect(classifyQuality({ rttMs: null, lossPercent: 12, jitterMs: null })).toBe('poor')
  })

  it('takes the middle of the links for one’s own connection, rounding towards worse', () => {
    expect(overallQuality([])).toBeNull()
    expect(overallQuality([null, null])).toBeNull()
    expect(overallQuality(['good', 'good', 'poor'])).toBe('good')
    expect(overallQuality(['good', 'poor'])).toBe('poor')
    expect(overallQuality(['poor', 'fair', 'poor', null])).toBe('poor')
  })

  it('counts loss between two readings of the cumulative counters', () => {
    expect(lossBetween(null, { lost: 5, received: 95 })).toBe(5)
    expect(lossBetween({ lost: 5, received: 95 }, { lost: 15, received: 185 })).toBe(10)
    expect(lossBetween({ lost: 5, received: 95 }, { lost: 5, received: 95 })).toBeNull()
  })

  it('reads the nominated pair, inbound streams and the video sender from a stats report', () => {
    const stats = readLinkStats([
      { type: 'candidate-pair', id: 'p0', state: 'failed', nominated: false, currentRoundTripTime: 2 },
      { type: 'candidate-pair', id: 'p1', state: 'succeeded', nominated: true, currentRoundTripTime: 0.08, availableOutgoingBitrate: 1_200_000 },
      { type: 'inbound-rtp', id: 'a', kind: 'audio', packetsLost: 3, packetsReceived: 300, jitter: 0.012 },
      { type: 'inbound-rtp', id: 'v', kind: 'video', packetsLost: 7, packetsReceived: 700, jitter: 0.02 },
      { type: 'outbound-rtp', id: 'o1', kind: 'video', qualityLimitationReason: 'none' },
      { type: 'outbound-rtp', id: 'o2', kind: 'video', qualityLimitationReason: 'bandwidth' },
      { type: 'outbound-rtp', id: 'o3', kind: 'audio' },
    ])
    expect(stats).toEqual({
      rttMs: 80,
      jitterMs: 20,
      inbound: { lost: 10, received: 1000 },
      qualityLimitationReason: 'bandwidth',
      availableOutgoingBitrate: 1_200_000,
    })
  })

  it('takes the pair the transport selected over other nominated ones', () => {
    const stats = readLinkStats([
      { type: 'candidate-pair', id: 'old', state: 'succeeded', nominated: true, currentRoundTripTime: 0.5, availableOutgoingBitrate: 0 },
      { type: 'candidate-pair', id: 'now', state: 'succeeded', nominated: true, currentRoundTripTime: 0.02, availableOutgoingBitrate: 4_000_000 },
      { type: 'transport', id: 't', selectedCandidatePairId: 'now' },
    ])
    expect(stats.rttMs).toBe(20)
    expect(stats.availableOutgoingBitrate).toBe(4_000_000)
  })

  it('falls back on the remote side’s round trip before a pair is nominated', () => {
    const stats = readLinkStats([{ type: 'remote-inbound-rtp', id: 'r', roundTripTime: 0.25 }])
    expect(stats.rttMs).toBe(250)
    expect(stats.availableOutgoingBitrate).toBeNull()
    expect(stats.qualityLimitationReason).toBeNull()
  })
})
