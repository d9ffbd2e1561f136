import { describe, expect, it } from 'vitest'

import { buildSection, buildSyllabusLesson } from '@/testing/factories'

import { applyOrder, moveLesson, moveSection, orderOf, stepLesson, stepSection } from './syllabus-order'

const order = [
  { id: 'A', lessons: ['a1', 'a2', 'a3'] },
  { id: 'B', lessons: [] },
  { id: 'C', lessons: ['c1'] },
]

describe('syllabus order', () => {
  it('moves a lesson within its section like a drag and drop (arrayMove)', () => {
    expect(moveLesson(order, 'a1', 'A', 2)[0]).toEqual({ id: 'A', lessons: ['a2', 'a3', 'a1'] })
    expect(moveLesson(order, 'a3', 'A', 0)[0]).toEqual({ id: 'A', lessons: ['a3', 'a1', 'a2'] })
  })

  it('moves a lesson into another section, empty ones included', () => {
    expect(moveLesson(order, 'a2', 'B', 0)).toEqual([
      { id: 'A', lessons: ['a1', 'a3'] },
      { id: 'B', lessons: ['a2'] },
      { id: 'C', lessons: ['c1'] },
    ])
    expect(moveLesson(order, 'c1', 'A', 1)[0]).toEqual({ id: 'A', lessons: ['a1', 'c1', 'a2', 'a3'] })
  })

  it('steps a lesson across section edges, skipping nothing', () => {
    expect(stepLesson(order, 'a3', 1)).toEqual([
      { id: 'A', lessons: ['a1', 'a2'] },
      { id: 'B', lessons: ['a3'] },
      { id: 'C', lessons: ['c1'] },
    ])
    expect(stepLesson(order, 'c1', -1)?.[1]).toEqual({ id: 'B', lessons: ['c1'] })
    expect(stepLesson(order, 'a1', -1)).toBeNull()
    expect(stepLesson(order, 'c1', 1)).toBeNull()
  })

  it('moves and steps sections', () => {
    expect(moveSection(order, 'C', 0).map((s) => s.id)).toEqual(['C', 'A', 'B'])
    expect(stepSection(order, 'A', 1)?.map((s) => s.id)).toEqual(['B', 'A', 'C'])
    expect(stepSection(order, 'A', -1)).toBeNull()
  })

  it('rearranges the sections for display, renumbering positions', () => {
    const l1 = buildSyllabusLesson({ id: 'l1' })
    const l2 = buildSyllabusLesson({ id: 'l2', position: 1 })
    const sections = [buildSection({ id: 'S1', lessons: [l1, l2] }), buildSection({ id: 'S2', position: 1 })]
    const next = moveLesson(orderOf(sections), 'l1', 'S2', 0)

    const shown = applyOrder(sections, moveSection(next, 'S2', 0))
    expect(shown.map((s) => [s.id, s.position, s.lessons.map((l) => [l.id, l.position])])).toEqual([
      ['S2', 0, [['l1', 0]]],
      ['S1', 1, [['l2', 0]]],
    ])
  })
})
