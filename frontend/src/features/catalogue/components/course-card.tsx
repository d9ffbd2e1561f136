import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { CourseCard as CourseCardData } from '@/api/types'
import { CourseCover } from '@/components/course/course-cover'
import { CoursePrice } from '@/components/course/course-price'
import { CourseRating } from '@/components/course/course-rating'
import { Skeleton } from '@/components/ui/skeleton'
import { formatDuration } from '@/lib/format-duration'

/** One course in the catalogue. The title links to the course page and makes the whole card clickable. */
export function CourseCard({ course }: { course: CourseCardData }) {
  const { t } = useTranslation()
  const duration = formatDuration(t, course.duration_seconds)
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md">
      <CourseCover src={course.cover_url} title={course.title} />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h2 className="text-lg leading-snug font-semibold text-slate-900" dir="auto">
          <Link
            to={`/courses/${course.slug}`}
            className="after:absolute after:inset-0 hover:underline focus-visible:outline-none"
          >
            {course.title}
          </Link>
        </h2>
        {course.subtitle && (
          <p className="line-clamp-2 text-sm text-slate-700" dir="auto">
            {course.subtitle}
          </p>
        )}
        <p className="text-sm text-slate-700">{course.tutor.full_name}</p>
        <CourseRating average={course.rating_average} count={course.rating_count} size="sm" />
        <p className="flex flex-wrap gap-x-2 text-sm text-slate-700">
          <span>{t(`courses.level.${course.level}`)}</span>
          {duration && (
            <>
              <span aria-hidden="true">·</span>
              <span>{duration}</span>
            </>
          )}
          {course.lesson_count > 0 && (
            <>
              <span aria-hidden="true">·</span>
              <span>{t('courses.lessons', { count: course.lesson_count })}</span>
            </>
          )}
        </p>
        <p className="mt-auto pt-2 text-lg">
          <CoursePrice amount={course.price_amount} currency={course.currency} />
        </p>
      </div>
    </article>
  )
}

export function CourseCardSkeleton() {
  return (
    <div aria-hidden="true" className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <Skeleton className="aspect-video rounded-none" />
      <div className="space-y-2 p-4">
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-4 w-1/2" />
        <Skeleton className="h-6 w-1/4" />
      </div>
    </div>
  )
}
