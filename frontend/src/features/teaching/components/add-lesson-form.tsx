import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { LessonKind } from '@/api/types'
import { Select } from '@/components/ui/input'

import { useCreateLesson } from '../api/create-lesson'
import { LESSON_KINDS } from '../utils/lesson-form-model'
import { TitleForm } from './title-form'

/** Title and kind of a new lesson at the end of a section. */
export function AddLessonForm({ slug, sectionId }: { slug: string; sectionId: string }) {
  const { t } = useTranslation()
  const kindId = useId()
  const create = useCreateLesson(slug)
  const [kind, setKind] = useState<LessonKind>('video')
  const [round, setRound] = useState(0)
  return (
    <TitleForm
      key={round}
      label={t('teaching.syllabus.newLesson')}
      submitLabel={t('teaching.syllabus.addLesson')}
      pending={create.isPending}
      error={create.error}
      onSubmit={(title) =>
        create.mutate({ sectionId, body: { title, kind } }, { onSuccess: () => setRound((n) => n + 1) })
      }
    >
      <div className="space-y-1">
        <label htmlFor={kindId} className="block text-sm font-medium">
          {t('teaching.lesson.kind')}
        </label>
        <Select
          id={kindId}
          value={kind}
          onChange={(event) => setKind(LESSON_KINDS.find((k) => k === event.target.value) ?? 'video')}
        >
          {LESSON_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`courses.kind.${option}`)}
            </option>
          ))}
        </Select>
      </div>
    </TitleForm>
  )
}
