import { describe, expect, it } from 'vitest'

import {
  adapt,
  BAD_READINGS_TO_STEP_DOWN,
  GOOD_READINGS_TO_STEP_UP,
  initialAdaptation,
  isStruggling,
  SEND_LEVELS,
  type AdaptationState,
  type SenderReading,
} from './adaptation'

const bandwidth: SenderReading = { qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: 400_000 }
const fine: SenderReading = { qualityLimitationReason: 'none', availableOutgoingBitrate: 3_000_000 }

function feed(state: AdaptationState, reading: SenderReading, times: number): AdaptationState {
  let next = state
  for (let i = 0; i < times; i += 1) next = adapt(next, reading)
  return next
}

describe('sending less video on a slow uplink', () => {
  it('counts the encoder held back for bandwidth on a link that cannot carry the level as struggling', () => {
    expect(isStruggling(bandwidth, 0)).toBe(true)
    expect(isStruggling({ qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: null }, 0)).toBe(true)
    expect(isStruggling({ qualityLimitationReason: 'cpu', availableOutgoingBitrate: null }, 0)).toBe(false)
    expect(isStruggling({ qualityLimitationReason: 'none', availableOutgoingBitrate: 200_000 }, 0)).toBe(true)
    // At the lowest level the estimate only has to carry that level.
    expect(isStruggling({ qualityLimitationReason: 'none', availableOutgoingBitrate: 200_000 }, 2)).toBe(false)
  })

  it('does not take its own bitrate cap for a slow link', () => {
    // Capped at level 1, the encoder reports "bandwidth", but the link carries far more.
    expect(isStruggling({ qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: 3_700_000 }, 1)).toBe(false)
    const recovering = feed({ level: 1, bad: 0, good: 0 }, { qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: 3_700_000 }, GOOD_READINGS_TO_STEP_UP)
    expect(recovering.level).toBe(0)
  })

  it('steps down only after several bad readings in a row, one level at a time, and no lower than the last', () => {
    const almost = feed(initialAdaptation, bandwidth, BAD_READINGS_TO_STEP_DOWN - 1)
    expect(almost.level).toBe(0)
    // One good reading in between starts the count again.
    expect(feed(adapt(almost, fine), bandwidth, BAD_READINGS_TO_STEP_DOWN - 1).level).toBe(0)
    const down = adapt(almost, bandwidth)
    expect(down).toEqual({ level: 1, bad: 0, good: 0 })
    // 400 kb/s carries level 1: it stays there.
    expect(feed(down, bandwidth, BAD_READINGS_TO_STEP_DOWN * 5).level).toBe(1)
    const starved: SenderReading = { qualityLimitationReason: 'bandwidth', availableOutgoingBitrate: 100_000 }
    expect(feed(down, starved, BAD_READINGS_TO_STEP_DOWN * 5).level).toBe(SEND_LEVELS.length - 1)
  })

  it('steps back up after a longer run of good readings when the estimate carries the level above', () => {
    const low: AdaptationState = { level: 2, bad: 0, good: 0 }
    expect(feed(low, fine, GOOD_READINGS_TO_STEP_UP - 1).level).toBe(2)
    expect(feed(low, fine, GOOD_READINGS_TO_STEP_UP).level).toBe(1)
    expect(feed(low, fine, GOOD_READINGS_TO_STEP_UP * 2).level).toBe(0)
    // Not limited, but the estimate would not carry the level above: stay.
    const tight: SenderReading = { qualityLimitationReason: 'none', availableOutgoingBitrate: 280_000 }
    expect(feed({ level: 1, bad: 0, good: 0 }, tight, GOOD_READINGS_TO_STEP_UP * 3).level).toBe(1)
    // Without an estimate, good readings are enough.
    expect(feed({ level: 1, bad: 0, good: 0 }, { qualityLimitationReason: 'none', availableOutgoingBitrate: null }, GOOD_READINGS_TO_STEP_UP).level).toBe(0)
  })

  it('halves the resolution and lowers the bitrate at each level', () => {
    for (let level = 1; level < SEND_LEVELS.length; level += 1) {
      expect(SEND_LEVELS[level]!.scaleResolutionDownBy).toBe(SEND_LEVELS[level - 1]!.scaleResolutionDownBy * 2)
      expect(SEND_LEVELS[level]!.maxBitrate).toBeLessThan(SEND_LEVELS[level - 1]!.maxBitrate)
    }
  })
})
