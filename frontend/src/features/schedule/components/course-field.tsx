import { useTranslation } from 'react-i18next'

import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

import { useTaughtCourses } from '../api/get-taught-courses'

/** The course a new class belongs to, among the tutor's own, or none (a standalone class). */
export function CourseField({
  value,
  error,
  onChange,
}: {
  value: string
  error?: string
  onChange: (slug: string) => void
}) {
  const { t } = useTranslation()
  const courses = useTaughtCourses()
  const options = courses.data ?? []
  const hint = courses.isError ? t('schedule.form.coursesFailed') : t('schedule.form.courseHint')
  return (
    <Field label={t('schedule.form.course')} hint={hint} error={error}>
      {(control) => (
        <Select
          {...control}
          value={value}
          disabled={courses.isPending}
          aria-busy={courses.isPending || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('schedule.form.standalone')}</option>
          {options.map((course) => (
            <option key={course.slug} value={course.slug}>
              {course.title}
            </option>
          ))}
          {value && !courses.isPending && !options.some((course) => course.slug === value) && (
            <option value={value}>{value}</option>
          )}
        </Select>
      )}
    </Field>
  )
}
