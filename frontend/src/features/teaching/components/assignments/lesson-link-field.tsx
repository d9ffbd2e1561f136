import { useTranslation } from 'react-i18next'

import type { CourseDetail } from '@/api/types'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

import { assignmentLessons, lessonTitle } from './course-lessons'

/**
 * The syllabus lesson (of kind "assignment") that opens this assignment for students. It is chosen
 * when the assignment is created; afterwards it is only shown.
 */
export function LessonLinkField({
  course,
  value,
  taken,
  locked,
  error,
  onChange,
}: {
  course: CourseDetail
  value: string
  taken: Set<string>
  locked: boolean
  error: string | undefined
  onChange: (lessonId: string) => void
}) {
  const { t } = useTranslation()
  if (locked) {
    return (
      <div className="space-y-1">
        <p className="font-medium text-slate-900">{t('grading.form.lesson')}</p>
        <p className="text-slate-700" dir="auto">
          {lessonTitle(course, value || null) ?? t('grading.noLesson')}
        </p>
      </div>
    )
  }
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
