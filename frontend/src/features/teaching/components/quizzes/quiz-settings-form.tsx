import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { CourseDetail, Quiz, QuizCreateBody } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Choice, Field, TextField } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'

import {
  isQuizSettingsField,
  QUIZ_LIMITS,
  toQuizBody,
  validateQuizSettings,
  type QuizSettingsField,
  type QuizSettingsValues,
} from '../../utils/quiz-settings-model'
import { QuizLessonSelect } from './quiz-lesson-select'

type Messages = Partial<Record<QuizSettingsField, string>>

/**
 * Title, instructions, time limit, attempts, pass mark, certificate and syllabus lesson of a quiz.
 * Used to create a quiz and to change one; `onSubmit` rejects with the server's error.
 */
export function QuizSettingsForm({
  course,
  quizzes,
  quizId,
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  course: CourseDetail
  quizzes: readonly Quiz[]
  quizId: string | null
  initial: QuizSettingsValues
  pending: boolean
  error: unknown
  onSubmit: (body: QuizCreateBody) => Promise<unknown>
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const { ref, focusInvalid } = useInvalidFocus()
  const certificateHintId = useId()
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Messages>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const set = <K extends keyof QuizSettingsValues>(key: K, value: QuizSettingsValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))

  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = validateQuizSettings(values)
    const messages: Messages = {}
    for (const [field, code] of Object.entries(found)) {
      if (isQuizSettingsField(field)) messages[field] = t(`quizBuilder.settings.errors.${code}`)
    }
    setErrors(messages)
    setOtherMessages([])
    if (Object.keys(messages).length > 0) {
      focusInvalid()
      return
    }
    onSubmit(toQuizBody(values)).catch((failure: unknown) => {
      if (!isApiError(failure)) return
      const mapped: Messages = {}
      const other: string[] = []
      for (const [key, list] of Object.entries(failure.fields)) {
        if (isQuizSettingsField(key) && list[0]) mapped[key] ??= list[0]
        else other.push(...list)
      }
      setErrors(mapped)
      setOtherMessages(other)
      if (Object.keys(mapped).length > 0) focusInvalid()
    })
  }

  return (
    <form ref={ref} onSubmit={onFormSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={error} extraMessages={otherMessages} />
      <TextField
        label={t('quizBuilder.settings.title')}
        dir="auto"
        maxLength={QUIZ_LIMITS.titleMax}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        error={errors.title}
      />
      <Field label={t('quizBuilder.settings.instructions')} hint={t('quizBuilder.settings.instructionsHint')} error={errors.instructions}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={4}
            value={values.instructions}
            onChange={(event) => set('instructions', event.target.value)}
          />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          label={t('quizBuilder.settings.timeLimit')}
          hint={t('quizBuilder.settings.timeLimitHint')}
          inputMode="decimal"
          dir="ltr"
          value={values.timeLimit}
          onChange={(event) => set('timeLimit', event.target.value)}
          error={errors.time_limit_seconds}
        />
        <TextField
          label={t('quizBuilder.settings.attempts')}
          hint={t('quizBuilder.settings.attemptsHint')}
          inputMode="numeric"
          dir="ltr"
          value={values.attemptsAllowed}
          onChange={(event) => set('attemptsAllowed', event.target.value)}
          error={errors.attempts_allowed}
        />
        <TextField
          label={t('quizBuilder.settings.passingScore')}
          hint={t('quizBuilder.settings.passingScoreHint')}
          inputMode="numeric"
          dir="ltr"
          value={values.passingScore}
          onChange={(event) => set('passingScore', event.target.value)}
          error={errors.passing_score_percent}
        />
      </div>
      <div className="space-y-1">
        <Choice
          type="checkbox"
          label={t('quizBuilder.settings.required')}
          aria-describedby={certificateHintId}
          checked={values.requiredForCertificate}
          onChange={(event) => set('requiredForCertificate', event.target.checked)}
        />
        <p id={certificateHintId} className="text-sm text-slate-600">
          {t('quizBuilder.settings.requiredHint')}
        </p>
        {errors.required_for_certificate && (
          <p className="text-sm font-medium text-red-700">{errors.required_for_certificate}</p>
        )}
      </div>
      <QuizLessonSelect
        course={course}
        quizzes={quizzes}
        quizId={quizId}
        value={values.lessonId}
        error={errors.lesson_id}
        onChange={(lessonId) => set('lessonId', lessonId)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={pending} loadingText={t('quizBuilder.saving')}>
          {t('quizBuilder.settings.save')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  )
}
