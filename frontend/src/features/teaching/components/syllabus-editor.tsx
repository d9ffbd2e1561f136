import { DndContext } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { CourseDetail, SyllabusLesson, SyllabusSection } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { EmptyState } from '@/components/ui/empty-state'
import { Spinner } from '@/components/ui/spinner'

import { useCreateSection } from '../api/create-section'
import { useDeleteLesson } from '../api/delete-lesson'
import { useDeleteSection } from '../api/delete-section'
import { useUpdateSyllabus } from '../api/update-syllabus'
import { orderOf, stepLesson, stepSection, type SyllabusOrder } from '../utils/syllabus-order'
import { sectionDndId, useSyllabusDnd } from '../utils/use-syllabus-dnd'
import { LessonEditorDialog } from './lesson-editor-dialog'
import { SortableSection } from './sortable-section'
import { TitleForm } from './title-form'

type Pending = { kind: 'section'; section: SyllabusSection } | { kind: 'lesson'; lesson: SyllabusLesson }

/**
 * Sections and lessons: add, rename, delete, edit a lesson in a side panel, and
 * reorder by drag and drop or with the move buttons. Every reorder saves the
 * whole order with `PUT /courses/{slug}/syllabus`.
 */
export function SyllabusEditor({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const slug = course.slug
  const reorder = useUpdateSyllabus(slug)
  const addSection = useCreateSection(slug)
  const removeSection = useDeleteSection(slug)
  const removeLesson = useDeleteLesson(slug)
  const [editing, setEditing] = useState<SyllabusLesson | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [sectionRound, setSectionRound] = useState(0)

  const order = useMemo(() => orderOf(course.sections), [course.sections])
  const sectionById = useMemo(() => new Map(course.sections.map((s) => [s.id, s])), [course.sections])
  const lessonById = useMemo(
    () => new Map(course.sections.flatMap((s) => s.lessons).map((lesson) => [lesson.id, lesson])),
    [course.sections],
  )
  const titles = useMemo(
    () => new Map([...sectionById.values(), ...lessonById.values()].map((item) => [item.id, item.title])),
    [sectionById, lessonById],
  )

  const commit = (next: SyllabusOrder) => reorder.mutate({ sections: next })
  const dnd = useSyllabusDnd({ order, titles, onCommit: commit })

  const onConfirm = () => {
    if (!pending) return
    const done = { onSettled: () => setPending(null) }
    if (pending.kind === 'section') removeSection.mutate(pending.section.id, done)
    else removeLesson.mutate(pending.lesson.id, done)
  }

  return (
    <div className="space-y-6">
      <p className="text-slate-700">{t('teaching.syllabus.intro')}</p>
      <ApiErrorAlert error={reorder.error ?? removeSection.error ?? removeLesson.error} />
      <p role="status" className="min-h-6 text-sm text-slate-700">
        {reorder.isPending && (
          <span className="inline-flex items-center gap-2">
            <Spinner size="sm" />
            {t('teaching.syllabus.savingOrder')}
          </span>
        )}
      </p>

      {course.sections.length === 0 ? (
        <EmptyState title={t('teaching.syllabus.empty')}>{t('teaching.syllabus.emptyHint')}</EmptyState>
      ) : (
        <DndContext {...dnd.context}>
          <SortableContext items={dnd.shown.map((entry) => sectionDndId(entry.id))} strategy={verticalListSortingStrategy}>
            <ol aria-label={t('teaching.syllabus.sections')} className="space-y-4">
              {dnd.shown.map((entry, index) => {
                const section = sectionById.get(entry.id)
                if (!section) return null
                return (
                  <SortableSection
                    key={section.id}
                    slug={slug}
                    section={section}
                    lessons={entry.lessons.flatMap((id) => lessonById.get(id) ?? [])}
                    isFirst={index === 0}
                    isLast={index === dnd.shown.length - 1}
                    canMoveLesson={(lessonId, direction) => stepLesson(order, lessonId, direction) !== null}
                    onMoveSection={(direction) => {
                      const next = stepSection(order, section.id, direction)
                      if (next) commit(next)
                    }}
                    onMoveLesson={(lessonId, direction) => {
                      const next = stepLesson(order, lessonId, direction)
                      if (next) commit(next)
                    }}
                    onEditLesson={setEditing}
                    onDeleteLesson={(lesson) => setPending({ kind: 'lesson', lesson })}
                    onDelete={() => setPending({ kind: 'section', section })}
                  />
                )
              })}
            </ol>
          </SortableContext>
        </DndContext>
      )}

      <div className="rounded-lg border border-dashed border-slate-400 p-4">
        <TitleForm
          key={sectionRound}
          label={t('teaching.syllabus.newSection')}
          submitLabel={t('teaching.syllabus.addSection')}
          pending={addSection.isPending}
          error={addSection.error}
          onSubmit={(title) => addSection.mutate(title, { onSuccess: () => setSectionRound((n) => n + 1) })}
        />
      </div>

      <LessonEditorDialog slug={slug} lesson={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'section'
            ? t('teaching.syllabus.confirmSectionTitle', { title: pending.section.title })
            : t('teaching.syllabus.confirmLessonTitle', { title: pending?.lesson.title ?? '' })
        }
        confirmLabel={t('teaching.syllabus.confirmDelete')}
        cancelLabel={t('common.cancel')}
        onConfirm={onConfirm}
        onCancel={() => setPending(null)}
        confirming={removeSection.isPending || removeLesson.isPending}
      >
        {pending?.kind === 'section'
          ? t('teaching.syllabus.confirmSectionBody', { count: pending.section.lessons.length })
          : t('teaching.syllabus.confirmLessonBody')}
      </ConfirmDialog>
    </div>
  )
}
