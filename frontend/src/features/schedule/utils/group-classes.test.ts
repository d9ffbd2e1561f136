import { describe, expect, it } from 'vitest'

import { buildLiveClass } from '@/testing/schedule-factories'

import { groupUpcoming, isOver, uniqueClasses } from './group-classes'

/** Wednesday 2 December 2026, 15:00 in Karachi. */
const NOW = Date.parse('2026-12-02T10:00:00Z')
const at = (title: string, startsAt: string) =>
  buildLiveClass({ title, starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString() })

describe('grouping upcoming classes', () => {
  it('puts classes in Today, This week (to Sunday) and Later by the viewer’s calendar', () => {
    const classes = [
      at('running', '2026-12-02T09:30:00Z'),
      at('tonight', '2026-12-02T18:00:00Z'), // 23:00 Wednesday in Karachi
      at('after midnight', '2026-12-02T19:30:00Z'), // 00:30 Thursday in Karachi
      at('sunday', '2026-12-06T12:00:00Z'),
      at('next monday', '2026-12-07T05:00:00Z'),
    ]
    const groups = groupUpcoming(classes, NOW, 'Asia/Karachi')
    expect(groups.map((group) => [group.id, group.classes.map((c) => c.title)])).toEqual([
      ['today', ['running', 'tonight']],
      ['thisWeek', ['after midnight', 'sunday']],
      ['later', ['next monday']],
    ])
  })

  it('follows the zone: the same class is today in London', () => {
    const groups = groupUpcoming([at('late', '2026-12-02T19:30:00Z')], NOW, 'Europe/London')
    expect(groups.map((group) => group.id)).toEqual(['today'])
  })

  it('leaves out empty groups', () => {
    expect(groupUpcoming([], NOW, 'Asia/Karachi')).toEqual([])
  })

  it('drops repeats across pages and knows what is over', () => {
    const a = at('a', '2026-12-01T10:00:00Z')
    const b = at('b', '2026-12-03T10:00:00Z')
    expect(uniqueClasses([[a, b], [b]]).map((c) => c.title)).toEqual(['a', 'b'])
    expect(isOver(a, NOW)).toBe(true)
    expect(isOver(b, NOW)).toBe(false)
  })
})
