import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { findLesson, moveLesson, moveSection, sameOrder, type SyllabusOrder } from './syllabus-order'

type Item = { type: 'section' | 'lesson'; id: string }

export const sectionDndId = (id: string) => `section:${id}`
export const lessonDndId = (id: string) => `lesson:${id}`

function parse(id: UniqueIdentifier): Item {
  const text = String(id)
  const split = text.indexOf(':')
  return { type: text.slice(0, split) === 'section' ? 'section' : 'lesson', id: text.slice(split + 1) }
}

const isType = (type: Item['type']) => (container: { id: UniqueIdentifier }) => parse(container.id).type === type

/** Sections only collide with sections; a lesson prefers the lesson under the pointer, then a section. */
const collisionDetection: CollisionDetection = (args) => {
  const sections = args.droppableContainers.filter(isType('section'))
  if (parse(args.active.id).type === 'section') return closestCenter({ ...args, droppableContainers: sections })
  const lessons = args.droppableContainers.filter(isType('lesson'))
  if (args.pointerCoordinates) {
    const onLesson = pointerWithin({ ...args, droppableContainers: lessons })
    if (onLesson.length > 0) return onLesson
    const onSection = pointerWithin({ ...args, droppableContainers: sections })
    if (onSection.length > 0) return onSection
  }
  return closestCenter({ ...args, droppableContainers: lessons.length > 0 ? lessons : sections })
}

/**
 * Drag and drop for the syllabus (pointer and keyboard). While dragging, the
 * order lives here so lessons can hop between sections; on drop the whole new
 * order goes to `onCommit`.
 */
export function useSyllabusDnd({
  order,
  titles,
  onCommit,
}: {
  order: SyllabusOrder
  titles: ReadonlyMap<string, string>
  onCommit: (order: SyllabusOrder) => void
}) {
  const { t } = useTranslation()
  const [dragOrder, setDragOrder] = useState<SyllabusOrder | null>(null)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  const onDragStart = (_event: DragStartEvent) => setDragOrder(order)

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return
    const dragged = parse(active.id)
    const target = parse(over.id)
    if (dragged.type !== 'lesson') return
    setDragOrder((current) => {
      const base = current ?? order
      const from = findLesson(base, dragged.id)
      const toSection =
        target.type === 'section' ? target.id : base[findLesson(base, target.id)?.section ?? -1]?.id
      const fromSection = from ? base[from.section]?.id : undefined
      if (!toSection || !fromSection || toSection === fromSection) return base
      const lessons = base.find((section) => section.id === toSection)?.lessons ?? []
      const index = target.type === 'lesson' ? lessons.indexOf(target.id) : lessons.length
      return moveLesson(base, dragged.id, toSection, index)
    })
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const base = dragOrder ?? order
    let next = base
    if (over) {
      const dragged = parse(active.id)
      const target = parse(over.id)
      if (dragged.type === 'section' && target.type === 'section') {
        next = moveSection(base, dragged.id, base.findIndex((section) => section.id === target.id))
      } else if (dragged.type === 'lesson' && target.type === 'lesson') {
        const from = findLesson(base, dragged.id)
        const to = findLesson(base, target.id)
        const section = to ? base[to.section] : undefined
        if (from && to && section && from.section === to.section) next = moveLesson(base, dragged.id, section.id, to.index)
      }
    }
    setDragOrder(null)
    if (!sameOrder(next, order)) onCommit(next)
  }

  const onDragCancel = () => setDragOrder(null)

  const announcements = useMemo<Announcements>(() => {
    const name = (id: UniqueIdentifier) => titles.get(parse(id).id) ?? ''
    return {
      onDragStart: ({ active }) => t('teaching.dnd.picked', { title: name(active.id) }),
      onDragOver: ({ active, over }) =>
        over ? t('teaching.dnd.over', { title: name(active.id), target: name(over.id) }) : undefined,
      onDragEnd: ({ active, over }) =>
        over ? t('teaching.dnd.dropped', { title: name(active.id), target: name(over.id) }) : t('teaching.dnd.cancelled', { title: name(active.id) }),
      onDragCancel: ({ active }) => t('teaching.dnd.cancelled', { title: name(active.id) }),
    }
  }, [t, titles])

  return {
    shown: dragOrder ?? order,
    context: {
      sensors,
      collisionDetection,
      onDragStart,
      onDragOver,
      onDragEnd,
      onDragCancel,
      accessibility: { announcements, screenReaderInstructions: { draggable: t('teaching.dnd.instructions') } },
    },
  }
}
