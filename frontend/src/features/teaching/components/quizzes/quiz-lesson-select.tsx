import { useTranslation } from 'react-i18next'

import type { CourseDetail, Quiz } from '@/api/types'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

/**
 * The syllabus lesson (of kind quiz) this quiz opens from. Lessons another quiz already opens from
 * are shown but disabled, since a lesson opens one quiz only.
 */
export function QuizLessonSelect({
  course,
  quizzes,
  quizId,
  value,
  error,
  onChange,
}: {
  course: CourseDetail
  quizzes: readonly Quiz[]
  quizId: string | null
  value: string
  error: string | undefined
  onChange: (lessonId: string) => void
}) {
  const { t } = useTranslation()
  const takenBy = new Map(
    quizzes.flatMap((quiz) => (quiz.lesson_id && quiz.id !== quizId ? [[quiz.lesson_id, quiz.title] as const] : [])),
  )
  const sections = course.sections
    .map((section) => ({ ...section, lessons: section.lessons.filter((lesson) => lesson.kind === 'quiz') }))
    .filter((section) => section.lessons.length > 0)
  const known = sections.some((section) => section.lessons.some((lesson) => lesson.id === value))
  return (
    <Field
      label={t('quizBuilder.settings.lesson')}
      hint={sections.length > 0 ? t('quizBuilder.settings.lessonHint') : t('quizBuilder.settings.noQuizLessons')}
      error={error}
    >
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('quizBuilder.settings.noLesson')}</option>
          {value && !known && <option value={value}>{t('quizBuilder.settings.missingLesson')}</option>}
          {sections.map((section) => (
            <optgroup key={section.id} label={section.title}>
              {section.lessons.map((lesson) => {
                const other = takenBy.get(lesson.id)
                return (
                  <option key={lesson.id} value={lesson.id} disabled={other !== undefined}>
                    {other === undefined ? lesson.title : t('quizBuilder.settings.lessonTaken', { lesson: lesson.title, quiz: other })}
                  </option>
                )
              })}
            </optgroup>
          ))}
        </Select>
      )}
    </Field>
  )
}
