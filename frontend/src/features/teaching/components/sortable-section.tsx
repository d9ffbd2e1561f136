import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { SyllabusLesson, SyllabusSection } from '@/api/types'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ArrowDownIcon, ArrowUpIcon, DragHandleIcon } from '@/components/ui/icons'

import { useUpdateSection } from '../api/update-section'
import { lessonDndId, sectionDndId } from '../utils/use-syllabus-dnd'
import { AddLessonForm } from './add-lesson-form'
import { iconButton, SortableLesson } from './sortable-lesson'
import { TitleForm } from './title-form'

/** A section in the builder: its own drag handle and move buttons, rename, delete, lessons and "add lesson". */
export function SortableSection({
  slug,
  section,
  lessons,
  isFirst,
  isLast,
  canMoveLesson,
  onMoveSection,
  onMoveLesson,
  onEditLesson,
  onDeleteLesson,
  onDelete,
}: {
  slug: string
  section: SyllabusSection
  lessons: SyllabusLesson[]
  isFirst: boolean
  isLast: boolean
  canMoveLesson: (lessonId: string, direction: -1 | 1) => boolean
  onMoveSection: (direction: -1 | 1) => void
  onMoveLesson: (lessonId: string, direction: -1 | 1) => void
  onEditLesson: (lesson: SyllabusLesson) => void
  onDeleteLesson: (lesson: SyllabusLesson) => void
  onDelete: () => void
}) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: sectionDndId(section.id),
    data: { type: 'section' },
  })
  const rename = useUpdateSection(slug)
  const [renaming, setRenaming] = useState(false)

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
      className={cn(
        'space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-3 sm:p-4',
        isDragging && 'relative z-10 shadow-xl ring-2 ring-brand-600',
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <button
          ref={setActivatorNodeRef}
          type="button"
          {...attributes}
          {...listeners}
          aria-label={t('teaching.syllabus.dragSection', { title: section.title })}
          className={cn(iconButton, 'cursor-grab touch-none')}
        >
          <DragHandleIcon />
        </button>
        {renaming ? (
          <div className="min-w-0 flex-1 basis-64">
            <TitleForm
              label={t('teaching.syllabus.sectionTitle')}
              submitLabel={t('teaching.syllabus.saveTitle')}
              initial={section.title}
              pending={rename.isPending}
              error={rename.error}
              onCancel={() => setRenaming(false)}
              onSubmit={(title) => rename.mutate({ id: section.id, title }, { onSuccess: () => setRenaming(false) })}
            />
          </div>
        ) : (
          <h3 className="min-w-0 flex-1 basis-40 text-lg font-semibold break-words" dir="auto">
            {section.title}
          </h3>
        )}
        <span className="ms-auto flex items-center">
          <button
            type="button"
            className={iconButton}
            disabled={isFirst}
            onClick={() => onMoveSection(-1)}
            aria-label={t('teaching.syllabus.moveUp', { title: section.title })}
          >
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            className={iconButton}
            disabled={isLast}
            onClick={() => onMoveSection(1)}
            aria-label={t('teaching.syllabus.moveDown', { title: section.title })}
          >
            <ArrowDownIcon />
          </button>
          {!renaming && (
            <Button size="sm" variant="ghost" onClick={() => setRenaming(true)}>
              {t('teaching.syllabus.rename')}
              <span className="sr-only">: {section.title}</span>
            </Button>
          )}
          <Button size="sm" variant="ghost" onClick={onDelete}>
            {t('teaching.syllabus.delete')}
            <span className="sr-only">: {section.title}</span>
          </Button>
        </span>
      </div>

      <SortableContext items={lessons.map((lesson) => lessonDndId(lesson.id))} strategy={verticalListSortingStrategy}>
        <ul aria-label={t('teaching.syllabus.lessonsOf', { title: section.title })} className="min-h-10 space-y-2">
          {lessons.length === 0 && <li className="px-2 py-2 text-sm text-slate-600">{t('teaching.syllabus.noLessons')}</li>}
          {lessons.map((lesson) => (
            <SortableLesson
              key={lesson.id}
              lesson={lesson}
              canMoveUp={canMoveLesson(lesson.id, -1)}
              canMoveDown={canMoveLesson(lesson.id, 1)}
              onMove={(direction) => onMoveLesson(lesson.id, direction)}
              onEdit={() => onEditLesson(lesson)}
              onDelete={() => onDeleteLesson(lesson)}
            />
          ))}
        </ul>
      </SortableContext>
      <AddLessonForm slug={slug} sectionId={section.id} />
    </li>
  )
}
