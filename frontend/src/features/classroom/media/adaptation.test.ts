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
  it('counts the encoder held back for bandwidth, or an estimate too low for the level, as struggling', () => {
    expect(isStruggling(bandwidth, 0)).toBe(true)
    expect(isStruggling({ qualityLimitationReason: 'cpu', availableOutgoingBitrate: null }, 0)).toBe(false)
    expect(isStruggling({ qualityLimitationReason: 'none', availableOutgoingBitrate: 200_000 }, 0)).toBe(true)
    // At the lowest level the estimate only has to carry that level.
    expect(isStruggling({ qualityLimitationReason: 'none', availableOutgoingBitrate: 200_000 }, 2)).toBe(false)
  })

  it('steps down only after several bad readings in a row, one level at a time, and no lower than the last', () => {
    const almost = feed(initialAdaptation, bandwidth, BAD_READINGS_TO_STEP_DOWN - 1)
    expect(almost.level).toBe(0)
    // One good reading in between starts the count again.
    expect(feed(adapt(almost, fine), bandwidth, BAD_READINGS_TO_STEP_DOWN - 1).level).toBe(0)
    const down = adapt(almost, bandwidth)
    expect(down).toEqual({ level: 1, bad: 0, good: 0 })
    const bottom = feed(down, bandwidth, BAD_READINGS_TO_STEP_DOWN * 5)
    expect(bottom.level).toBe(SEND_LEVELS.length - 1)
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
