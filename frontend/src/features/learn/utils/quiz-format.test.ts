import { describe, expect, it } from 'vitest'

import { formatAttemptDate, formatPercent } from './quiz-format'

describe('quiz formatting', () => {
  it('shows API percentages without needless decimals', () => {
    expect(formatPercent('70.00', 'en')).toBe('70%')
    expect(formatPercent('66.67', 'en')).toBe('66.7%')
    expect(formatPercent(60, 'en')).toBe('60%')
    expect(formatPercent('not a number', 'en')).toBe('0%')
  })

  it("dates an attempt in the viewer's time zone, falling back to the browser's", () => {
    expect(formatAttemptDate('2026-01-06T09:05:00Z', 'en', 'Asia/Karachi')).toMatch(/2026.*2:05 pm/)
    expect(formatAttemptDate('2026-01-06T09:05:00Z', 'en', 'Not/AZone')).toMatch(/2026/)
  })
})
