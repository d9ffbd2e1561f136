import { describe, expect, it } from 'vitest'

import { addDays, dateKeyAt, instantOf, isDateKey, timeKeyAt, weekdayOf } from './zoned-time'

describe('zoned time', () => {
  it('reads a wall-clock time in the tutor’s zone', () => {
    expect(new Date(instantOf('2026-12-04', '17:00', 'Asia/Karachi')!).toISOString()).toBe('2026-12-04T12:00:00.000Z')
    expect(new Date(instantOf('2026-12-04', '00:30', 'UTC')!).toISOString()).toBe('2026-12-04T00:30:00.000Z')
  })

  it('keeps the local hour across a clock change (London, 18:00 in winter and summer)', () => {
    expect(new Date(instantOf('2026-03-20', '18:00', 'Europe/London')!).toISOString()).toBe('2026-03-20T18:00:00.000Z')
    expect(new Date(instantOf('2026-04-03', '18:00', 'Europe/London')!).toISOString()).toBe('2026-04-03T17:00:00.000Z')
  })

  it('shows an instant as date and time on a zone’s clock', () => {
    const instant = Date.parse('2026-12-04T20:30:00Z')
    expect(dateKeyAt(instant, 'Asia/Karachi')).toBe('2026-12-05')
    expect(timeKeyAt(instant, 'Asia/Karachi')).toBe('01:30')
    expect(dateKeyAt(instant, 'UTC')).toBe('2026-12-04')
  })

  it('counts weekdays from Monday = 0 and steps over month ends', () => {
    expect(weekdayOf('2026-11-30')).toBe(0)
    expect(weekdayOf('2026-12-06')).toBe(6)
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(isDateKey('2026-02-30')).toBe(false)
    expect(instantOf('2026-02-30', '10:00', 'UTC')).toBeNull()
  })
})
