import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { Enrollment } from '@/api/types'
import { CourseCover } from '@/components/course/course-cover'
import { ButtonLink } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'

/** One of the student's courses: progress and a way back in. */
export function EnrollmentCard({ enrollment }: { enrollment: Enrollment }) {
  const { t } = useTranslation()
  const { course } = enrollment
  const continueTo = enrollment.last_lesson_id
    ? `/learn/${course.slug}/${enrollment.last_lesson_id}`
    : `/learn/${course.slug}`
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <CourseCover src={course.cover_url} title={course.title} />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div>
          <h2 className="text-lg leading-snug font-semibold" dir="auto">
            <Link to={`/courses/${course.slug}`} className="hover:underline">
              {course.title}
            </Link>
          </h2>
          <p className="text-sm text-slate-700">{course.tutor.full_name}</p>
        </div>
        <ProgressBar
          value={enrollment.progress_percent}
          label={t('myCourses.progress', { done: enrollment.completed_lessons, total: course.lesson_count })}
          className="mt-auto"
        />
        <ButtonLink to={continueTo} variant={enrollment.completed_at ? 'secondary' : 'primary'}>
          {enrollment.completed_at
            ? t('myCourses.review')
            : enrollment.completed_lessons > 0
              ? t('myCourses.continue')
              : t('myCourses.start')}
          <span className="sr-only">: {course.title}</span>
        </ButtonLink>
      </div>
    </article>
  )
}
