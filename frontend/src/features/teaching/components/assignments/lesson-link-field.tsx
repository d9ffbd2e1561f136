import { useTranslation } from 'react-i18next'

import type { CourseDetail } from '@/api/types'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

import { assignmentLessons } from './course-lessons'

/** The syllabus lesson (of kind "assignment") that opens this assignment for students. */
export function LessonLinkField({
  course,
  value,
  taken,
  error,
  onChange,
}: {
  course: CourseDetail
  value: string
  taken: Set<string>
  error: string | undefined
  onChange: (lessonId: string) => void
}) {
  const { t } = useTranslation()
  const options = assignmentLessons(course).filter(({ lesson }) => !taken.has(lesson.id))
  return (
    <Field
      label={t('grading.form.lesson')}
      hint={options.length > 0 ? t('grading.form.lessonHint') : t('grading.form.noLessons')}
      error={error}
    >
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('grading.noLesson')}</option>
          {options.map(({ lesson, section }) => (
            <option key={lesson.id} value={lesson.id}>
              {t('grading.form.lessonOption', { lesson: lesson.title, section })}
            </option>
          ))}
        </Select>
      )}
    </Field>
  )
}
