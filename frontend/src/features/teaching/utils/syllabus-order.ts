import type { SyllabusBody, SyllabusSection } from '@/api/types'

/** The syllabus as `PUT /courses/{slug}/syllabus` takes it: section ids, each with its lesson ids. */
export type SyllabusOrder = SyllabusBody['sections']

export function orderOf(sections: readonly SyllabusSection[]): SyllabusOrder {
  return sections.map((section) => ({ id: section.id, lessons: section.lessons.map((lesson) => lesson.id) }))
}

export function sameOrder(a: SyllabusOrder, b: SyllabusOrder): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function findLesson(order: SyllabusOrder, lessonId: string): { section: number; index: number } | null {
  for (const [section, entry] of order.entries()) {
    const index = entry.lessons.indexOf(lessonId)
    if (index >= 0) return { section, index }
  }
  return null
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value))
}

export function moveSection(order: SyllabusOrder, sectionId: string, toIndex: number): SyllabusOrder {
  const from = order.findIndex((section) => section.id === sectionId)
  if (from < 0) return order
  const next = [...order]
  const [moved] = next.splice(from, 1)
  if (!moved) return order
  next.splice(clamp(toIndex, 0, next.length), 0, moved)
  return next
}

/** Moves a lesson to `toIndex` of another (or the same) section. */
export function moveLesson(order: SyllabusOrder, lessonId: string, toSectionId: string, toIndex: number): SyllabusOrder {
  const from = findLesson(order, lessonId)
  if (!from || !order.some((section) => section.id === toSectionId)) return order
  const without = order.map((section, index) =>
    index === from.section ? { ...section, lessons: section.lessons.filter((id) => id !== lessonId) } : section,
  )
  return without.map((section) => {
    if (section.id !== toSectionId) return section
    const lessons = [...section.lessons]
    lessons.splice(clamp(toIndex, 0, lessons.length), 0, lessonId)
    return { ...section, lessons }
  })
}

/**
 * One step up (-1) or down (+1) for the keyboard buttons. At the edge of a
 * section the lesson crosses into the end of the previous section or the start
 * of the next one. Null when it can't move further.
 */
export function stepLesson(order: SyllabusOrder, lessonId: string, direction: -1 | 1): SyllabusOrder | null {
  const at = findLesson(order, lessonId)
  const section = at ? order[at.section] : undefined
  if (!at || !section) return null
  const target = at.index + direction
  if (target >= 0 && target < section.lessons.length) return moveLesson(order, lessonId, section.id, target)
  const neighbour = order[at.section + direction]
  if (!neighbour) return null
  return moveLesson(order, lessonId, neighbour.id, direction < 0 ? neighbour.lessons.length : 0)
}

export function stepSection(order: SyllabusOrder, sectionId: string, direction: -1 | 1): SyllabusOrder | null {
  const from = order.findIndex((section) => section.id === sectionId)
  const to = from + direction
  if (from < 0 || to < 0 || to >= order.length) return null
  return moveSection(order, sectionId, to)
}

/** The sections rearranged to `order` (for showing a change before the server confirms it). */
export function applyOrder(sections: readonly SyllabusSection[], order: SyllabusOrder): SyllabusSection[] {
  const sectionById = new Map(sections.map((section) => [section.id, section]))
  const lessonById = new Map(sections.flatMap((section) => section.lessons).map((lesson) => [lesson.id, lesson]))
  return order.flatMap((entry, position) => {
    const section = sectionById.get(entry.id)
    if (!section) return []
    const lessons = entry.lessons.flatMap((id, index) => {
      const lesson = lessonById.get(id)
      return lesson ? [{ ...lesson, position: index }] : []
    })
    return [{ ...section, position, lessons }]
  })
}
