import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { useTranslation } from 'react-i18next'

import type { SyllabusLesson } from '@/api/types'
import { LessonKindIcon } from '@/components/course/lesson-kind-icon'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ArrowDownIcon, ArrowUpIcon, DragHandleIcon } from '@/components/ui/icons'
import { formatDuration } from '@/lib/format-duration'

import { lessonDndId } from '../utils/use-syllabus-dnd'

export const iconButton =
  'inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40'

/** A lesson in the builder: drag handle, move buttons, edit and delete. */
export function SortableLesson({
  lesson,
  canMoveUp,
  canMoveDown,
  onMove,
  onEdit,
  onDelete,
}: {
  lesson: SyllabusLesson
  canMoveUp: boolean
  canMoveDown: boolean
  onMove: (direction: -1 | 1) => void
  onEdit: () => void
  onDelete: () => void
}) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: lessonDndId(lesson.id),
    data: { type: 'lesson' },
  })
  const duration = formatDuration(t, lesson.duration_seconds)
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={cn(
        'flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white p-2',
        isDragging && 'relative z-10 shadow-lg ring-2 ring-brand-600',
      )}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        {...attributes}
        {...listeners}
        aria-label={t('teaching.syllabus.dragLesson', { title: lesson.title })}
        className={cn(iconButton, 'cursor-grab touch-none')}
      >
        <DragHandleIcon />
      </button>
      <LessonKindIcon kind={lesson.kind} className="text-slate-600" />
      <span className="sr-only">{t(`courses.kind.${lesson.kind}`)}:</span>
      <span className="min-w-0 flex-1 basis-32 font-medium break-words" dir="auto">
        {lesson.title}
      </span>
      {lesson.is_preview && <Badge tone="brand">{t('course.preview')}</Badge>}
      {duration && <span className="text-sm text-slate-600">{duration}</span>}
      <span className="ms-auto flex items-center">
        <button
          type="button"
          className={iconButton}
          disabled={!canMoveUp}
          onClick={() => onMove(-1)}
          aria-label={t('teaching.syllabus.moveUp', { title: lesson.title })}
        >
          <ArrowUpIcon />
        </button>
        <button
          type="button"
          className={iconButton}
          disabled={!canMoveDown}
          onClick={() => onMove(1)}
          aria-label={t('teaching.syllabus.moveDown', { title: lesson.title })}
        >
          <ArrowDownIcon />
        </button>
        <Button size="sm" variant="ghost" onClick={onEdit} aria-label={t('teaching.syllabus.editLesson', { title: lesson.title })}>
          {t('teaching.syllabus.edit')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDelete} aria-label={t('teaching.syllabus.deleteLesson', { title: lesson.title })}>
          {t('teaching.syllabus.delete')}
        </Button>
      </span>
    </li>
  )
}
