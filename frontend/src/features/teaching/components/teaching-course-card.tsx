import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { CourseCard } from '@/api/types'
import { CourseCover } from '@/components/course/course-cover'
import { CoursePrice } from '@/components/course/course-price'
import { CourseRating } from '@/components/course/course-rating'

import { StatusBadge } from './status-badge'

/** One of the tutor's courses: status, students, rating; the title opens the builder. */
export function TeachingCourseCard({ course }: { course: CourseCard }) {
  const { t } = useTranslation()
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
      <CourseCover src={course.cover_url} title={course.title} />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <StatusBadge status={course.status} />
        <h2 className="text-lg leading-snug font-semibold" dir="auto">
          <Link to={`/teaching/${course.slug}`} className="after:absolute after:inset-0 hover:underline focus-visible:outline-none">
            {course.title}
          </Link>
        </h2>
        <p className="text-sm text-slate-700">
          {t('courses.lessons', { count: course.lesson_count })} · {t('courses.students', { count: course.enrollment_count })}
        </p>
        <CourseRating average={course.rating_average} count={course.rating_count} size="sm" />
        <p className="mt-auto pt-2">
          <CoursePrice amount={course.price_amount} currency={course.currency} />
        </p>
      </div>
    </article>
  )
}
