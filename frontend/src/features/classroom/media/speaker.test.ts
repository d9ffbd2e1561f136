import { describe, expect, it } from 'vitest'

import { QUIET_HOLD_MS, SpeakerTracker, SWITCH_AFTER_MS } from './speaker'

const levels = (entries: Record<string, number>) => new Map(Object.entries(entries))

/** Feeds the same levels every 250 ms from `from` for `ms`; returns the time reached and the last snapshot. */
function run(tracker: SpeakerTracker, entries: Record<string, number>, from: number, ms: number) {
  let now = from
  let snapshot = tracker.update(levels(entries), now)
  while (now < from + ms) {
    now += 250
    snapshot = tracker.update(levels(entries), now)
  }
  return { now, snapshot }
}

describe('active speaker detection', () => {
  it('marks someone speaking once their smoothed level rises, and makes the first speaker active', () => {
    const tracker = new SpeakerTracker()
    expect(tracker.update(levels({ a: 0, b: 0 }), 0)).toEqual({ speaking: new Set(), active: null })
    const { snapshot } = run(tracker, { a: 0.3, b: 0 }, 250, 500)
    expect(snapshot.speaking).toEqual(new Set(['a']))
    expect(snapshot.active).toBe('a')
  })

  it('keeps a voice speaking through short pauses, and lets it go after a longer quiet', () => {
    const tracker = new SpeakerTracker()
    let { now } = run(tracker, { a: 0.3 }, 0, 500)
    ;({ now } = run(tracker, { a: 0 }, now + 250, QUIET_HOLD_MS - 500))
    expect(tracker.update(levels({ a: 0 }), now).speaking.has('a')).toBe(true)
    const { snapshot } = run(tracker, { a: 0 }, now + 250, QUIET_HOLD_MS)
    expect(snapshot.speaking.has('a')).toBe(false)
    // The last speaker stays on stage while nobody else talks.
    expect(snapshot.active).toBe('a')
  })

  it('does not flip between two people talking over each other until one has led for a while', () => {
    const tracker = new SpeakerTracker()
    let { now } = run(tracker, { a: 0.3, b: 0 }, 0, 750)
    expect(tracker.update(levels({ a: 0.3, b: 0 }), now).active).toBe('a')
    // b gets louder, a keeps talking: a stays until b has led for SWITCH_AFTER_MS.
    ;({ now } = run(tracker, { a: 0.2, b: 0.5 }, now + 250, SWITCH_AFTER_MS - 500))
    expect(tracker.update(levels({ a: 0.2, b: 0.5 }), now).active).toBe('a')
    const { snapshot } = run(tracker, { a: 0.2, b: 0.5 }, now + 250, 750)
    expect(snapshot.active).toBe('b')
  })

  it('hands over at once when the active speaker leaves', () => {
    const tracker = new SpeakerTracker()
    const { now } = run(tracker, { a: 0.4, b: 0.2 }, 0, 750)
    expect(tracker.update(levels({ a: 0.4, b: 0.2 }), now).active).toBe('a')
    expect(tracker.update(levels({ b: 0.2 }), now + 250).active).toBe('b')
  })

  it('returns the very same snapshot while nothing changes, so nothing re-renders', () => {
    const tracker = new SpeakerTracker()
    const first = tracker.update(levels({ a: 0 }), 0)
    expect(tracker.update(levels({ a: 0.01 }), 250)).toBe(first)
  })
})
