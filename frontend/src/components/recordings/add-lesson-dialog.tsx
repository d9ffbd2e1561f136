import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useCourse } from '@/api/get-course'
import { usePublishRecordingLesson } from '@/api/recordings/publish-recording-lesson'
import type { Recording } from '@/api/recordings/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field, TextField } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'

const TITLE_MAX = 120

/** Makes a ready recording a video lesson at the end of a section of its course. */
export function AddLessonDialog({
  recording,
  courseSlug,
  onClose,
  onAdded,
}: {
  recording: Recording
  courseSlug: string
  onClose: () => void
  onAdded: (lessonId: string) => void
}) {
  const { t } = useTranslation()
  const course = useCourse(courseSlug)
  const publish = usePublishRecordingLesson()
  const sections = course.data?.sections ?? []
  const [sectionId, setSectionId] = useState('')
  const [title, setTitle] = useState(recording.title.slice(0, TITLE_MAX))
  const [error, setError] = useState<'section' | 'title' | null>(null)
  const chosen = sectionId || sections[0]?.id || ''

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!chosen) return setError('section')
    if (!title.trim()) return setError('title')
    setError(null)
    publish.mutate(
      { id: recording.id, body: { section_id: chosen, title: title.trim() } },
      { onSuccess: ({ lesson_id }) => onAdded(lesson_id) },
    )
  }

  const published = isApiError(publish.error) && publish.error.code === 'already_published'

  return (
    <Dialog open title={t('classroom.recordings.addLessonTitle')} onClose={onClose}>
      {course.isPending ? (
        <Skeleton className="h-32" />
      ) : course.isError ? (
        <ApiErrorAlert error={course.error} />
      ) : sections.length === 0 ? (
        <p className="text-slate-700">{t('classroom.recordings.noSections')}</p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {published ? (
            <p role="alert" className="text-red-800">
              {t('classroom.recordings.alreadyPublished')}
            </p>
          ) : (
            <ApiErrorAlert error={publish.error} />
          )}
          <p className="text-slate-700">{t('classroom.recordings.addLessonHint')}</p>
          <Field label={t('classroom.recordings.section')} error={error === 'section' ? t('classroom.recordings.sectionRequired') : null}>
            {(control) => (
              <Select {...control} value={chosen} onChange={(event) => setSectionId(event.target.value)}>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.title}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <TextField
            label={t('classroom.recordings.lessonTitle')}
            dir="auto"
            maxLength={TITLE_MAX}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={error === 'title' ? t('classroom.recordings.lessonTitleRequired') : null}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={publish.isPending} loadingText={t('classroom.recordings.adding')}>
              {t('classroom.recordings.addLesson')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
