import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Choice, Field, TextField } from '@/components/ui/field'
import { Select, Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useUpdateLesson } from '../api/update-lesson'
import {
  LESSON_KINDS,
  lessonValues,
  toLessonBody,
  validateLesson,
  type LessonFormErrors,
  type LessonFormField,
  type LessonFormValues,
} from '../utils/lesson-form-model'

const SERVER_FIELDS: Record<string, LessonFormField> = {
  title: 'title',
  kind: 'kind',
  is_preview: 'is_preview',
  body: 'body',
  duration_seconds: 'duration',
  live_url: 'live_url',
}

/** Title, kind, free preview, length, live link and the Markdown text of one lesson. */
export function LessonForm({ slug, lesson }: { slug: string; lesson: Lesson }) {
  const { t } = useTranslation()
  const update = useUpdateLesson(slug)
  const { ref, focusInvalid } = useInvalidFocus()
  const [values, setValues] = useState<LessonFormValues>(() => lessonValues(lesson))
  const [errors, setErrors] = useState<LessonFormErrors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const set = <K extends LessonFormField>(key: K, value: LessonFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = validateLesson(values, {
      title: t('teaching.lesson.titleRequired'),
      duration: t('teaching.lesson.durationInvalid'),
      liveUrl: t('teaching.lesson.liveUrlRequired'),
    })
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      update.reset()
      focusInvalid()
      return
    }
    update.mutate(
      { id: lesson.id, body: toLessonBody(values) },
      {
        onSuccess: () => notify(t('teaching.lesson.saved')),
        onError: (error) => {
          if (!isApiError(error)) return
          const mapped: LessonFormErrors = {}
          const other: string[] = []
          for (const [key, messages] of Object.entries(error.fields)) {
            const field = SERVER_FIELDS[key]
            if (field && messages[0]) mapped[field] ??= messages[0]
            else other.push(...messages)
          }
          setErrors(mapped)
          setOtherMessages(other)
          if (Object.keys(mapped).length > 0) focusInvalid()
        },
      },
    )
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={update.error} extraMessages={otherMessages} />
      <TextField
        label={t('teaching.lesson.title')}
        dir="auto"
        maxLength={120}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        error={errors.title}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('teaching.lesson.kind')} error={errors.kind}>
          {(control) => (
            <Select
              {...control}
              value={values.kind}
              onChange={(event) => set('kind', LESSON_KINDS.find((kind) => kind === event.target.value) ?? values.kind)}
            >
              {LESSON_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`courses.kind.${kind}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <TextField
          label={t('teaching.lesson.duration')}
          hint={t('teaching.lesson.durationHint')}
          inputMode="numeric"
          dir="ltr"
          optional
          value={values.duration}
          onChange={(event) => set('duration', event.target.value)}
          error={errors.duration}
        />
      </div>
      <Choice
        type="checkbox"
        label={t('teaching.lesson.preview')}
        checked={values.is_preview}
        onChange={(event) => set('is_preview', event.target.checked)}
      />
      {values.kind === 'live' && (
        <TextField
          label={t('teaching.lesson.liveUrl')}
          type="url"
          dir="ltr"
          placeholder="https://"
          value={values.live_url}
          onChange={(event) => set('live_url', event.target.value)}
          error={errors.live_url}
        />
      )}
      <Field
        label={values.kind === 'article' ? t('teaching.lesson.article') : t('teaching.lesson.text')}
        hint={t('teaching.lesson.markdownHint')}
        optional={values.kind !== 'article'}
        error={errors.body}
      >
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={values.kind === 'article' ? 14 : 5}
            className="font-mono text-sm"
            value={values.body}
            onChange={(event) => set('body', event.target.value)}
          />
        )}
      </Field>
      <Button type="submit" loading={update.isPending} loadingText={t('teaching.saving')}>
        {t('teaching.lesson.save')}
      </Button>
    </form>
  )
}
