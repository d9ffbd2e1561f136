import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { CheckIcon } from '@/components/ui/icons'

import { useSaveProgress } from '../api/save-progress'

/** "Mark as complete" (for enrolled students; quizzes and assignments complete themselves) and previous / next. */
export function LessonActions({
  lesson,
  slug,
  completed,
  canTrack,
}: {
  lesson: Lesson
  slug: string
  completed: boolean
  canTrack: boolean
}) {
  const { t } = useTranslation()
  const saveProgress = useSaveProgress(slug)
  // A quiz lesson completes when its quiz is passed, an assignment lesson when the work is handed in.
  const completesItself = lesson.quiz_id ? 'quiz' : lesson.assignment_id ? 'assignment' : null
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const toggle = () => {
    setSaving(true)
    setError(null)
    saveProgress(lesson.id, { completed: !completed })
      .catch(setError)
      .finally(() => setSaving(false))
  }

  return (
    <div className="space-y-3">
      <ApiErrorAlert error={error} />
      <div className="flex flex-wrap items-center justify-between gap-3 border-y border-slate-200 py-4">
        {canTrack ? (
          <div className="flex flex-wrap items-center gap-3">
            {completed && (
              <span className="inline-flex items-center gap-1 font-semibold text-brand-800">
                <CheckIcon className="size-4" />
                {t('learn.completed')}
              </span>
            )}
            {completesItself ? (
              !completed && <span className="text-slate-700">{t(`learn.completesWhen.${completesItself}`)}</span>
            ) : (
              <Button variant={completed ? 'ghost' : 'primary'} onClick={toggle} loading={saving}>
                {completed ? t('learn.markIncomplete') : t('learn.markComplete')}
              </Button>
            )}
          </div>
        ) : (
          <span />
        )}
        <div className="flex gap-2">
          {lesson.previous_lesson_id && (
            <ButtonLink variant="secondary" to={`/learn/${slug}/${lesson.previous_lesson_id}`} rel="prev">
              <span aria-hidden="true" className="rtl:rotate-180">
                ←
              </span>
              {t('learn.previous')}
            </ButtonLink>
          )}
          {lesson.next_lesson_id && (
            <ButtonLink variant="secondary" to={`/learn/${slug}/${lesson.next_lesson_id}`} rel="next">
              {t('learn.next')}
              <span aria-hidden="true" className="rtl:rotate-180">
                →
              </span>
            </ButtonLink>
          )}
        </div>
      </div>
    </div>
  )
}
