import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { CourseDetail } from '@/api/types'
import { CourseRating } from '@/components/course/course-rating'
import { Badge } from '@/components/ui/badge'
import { PageHeading } from '@/components/ui/page-heading'
import { formatDuration } from '@/lib/format-duration'

/** Title, subtitle, tutors, rating and the course's key facts. */
export function CourseHeader({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const duration = formatDuration(t, course.duration_seconds)
  const facts = [
    { label: t('courses.facts.level'), value: t(`courses.level.${course.level}`) },
    { label: t('courses.facts.language'), value: t(`language.${course.language}`) },
    ...(duration ? [{ label: t('courses.facts.duration'), value: duration }] : []),
    { label: t('courses.facts.lessons'), value: t('courses.lessons', { count: course.lesson_count }) },
    { label: t('courses.facts.students'), value: t('courses.students', { count: course.enrollment_count }) },
  ]

  return (
    <header className="space-y-4">
      {course.category && (
        <Link to={`/courses?category=${encodeURIComponent(course.category.slug)}`} className="link text-sm">
          {course.category.name}
        </Link>
      )}
      {course.status !== 'published' && (
        <Badge tone={course.status === 'draft' ? 'accent' : 'neutral'}>{t(`courses.status.${course.status}`)}</Badge>
      )}
      <PageHeading className="mb-0" lead={course.subtitle ? <span dir="auto">{course.subtitle}</span> : undefined}>
        <span dir="auto">{course.title}</span>
      </PageHeading>
      <CourseRating average={course.rating_average} count={course.rating_count} />
      <p className="text-slate-800">
        {t('course.by')}{' '}
        <Link to={`/tutors/${course.tutor.id}`} className="link">
          {course.tutor.full_name}
        </Link>
        {course.co_tutors.map((tutor) => (
          <span key={tutor.id}>
            {t('course.and')}
            <Link to={`/tutors/${tutor.id}`} className="link">
              {tutor.full_name}
            </Link>
          </span>
        ))}
      </p>
      <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {facts.map((fact) => (
          <div key={fact.label} className="flex gap-1.5">
            <dt className="text-slate-600">{fact.label}:</dt>
            <dd className="font-medium text-slate-900">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  )
}
