import { describe, expect, it } from 'vitest'

import { crossedAnnouncement, localDeadline, secondsUntil } from './quiz-countdown'

describe('quiz countdown', () => {
  it('sets the deadline from the server time left, not the device clock', () => {
    expect(localDeadline(1_000_000, 412)).toBe(1_412_000)
    expect(localDeadline(1_000_000, null)).toBeNull()
    expect(localDeadline(1_000_000, -5)).toBe(1_000_000)
  })

  it('counts whole seconds, rounding up, never below zero', () => {
    expect(secondsUntil(10_000, 0)).toBe(10)
    expect(secondsUntil(10_000, 9_001)).toBe(1)
    expect(secondsUntil(10_000, 10_000)).toBe(0)
    expect(secondsUntil(10_000, 20_000)).toBe(0)
  })

  it('announces 5 minutes and 1 minute left once each', () => {
    expect(crossedAnnouncement(301, 300)).toBe(300)
    expect(crossedAnnouncement(300, 299)).toBeNull()
    expect(crossedAnnouncement(61, 60)).toBe(60)
    // After a long pause (a hidden tab) only the latest moment is announced.
    expect(crossedAnnouncement(400, 30)).toBe(60)
    expect(crossedAnnouncement(5, 0)).toBeNull()
  })
})
