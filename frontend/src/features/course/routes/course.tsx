import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'

import { useCourse } from '@/api/get-course'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { ServerHtml } from '@/components/ui/server-html'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { CourseCta } from '../components/course-cta'
import { CourseHeader } from '../components/course-header'
import { CourseRecordings } from '../components/course-recordings'
import { ReviewsSection } from '../components/reviews-section'
import { SyllabusAccordion } from '../components/syllabus-accordion'

function BackLink() {
  const { t } = useTranslation()
  return (
    <Link to="/courses" className="link inline-flex items-center gap-1">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">
        ←
      </span>
      {t('course.allCourses')}
    </Link>
  )
}

export function CourseRoute() {
  const { t } = useTranslation()
  const { slug = '' } = useParams()
  const course = useCourse(slug)
  const data = course.data
  const notFound = isApiError(course.error) && course.error.status === 404
  useDocumentTitle(data?.title ?? (notFound ? t('course.notFoundTitle') : t('course.title')))

  if (!data) {
    return (
      <div className="space-y-6" aria-busy={course.isPending || undefined}>
        <BackLink />
        <PageHeading>{notFound ? t('course.notFoundTitle') : t('course.title')}</PageHeading>
        {course.isPending ? (
          <>
            <p role="status" className="sr-only">
              {t('common.loading')}
            </p>
            <Skeleton className="h-40" />
            <Skeleton className="h-64" />
          </>
        ) : notFound ? (
          <EmptyState title={t('course.notFoundBody')} action={<BackLink />} />
        ) : (
          <LoadErrorAlert error={course.error} onRetry={() => void course.refetch()} />
        )}
      </div>
    )
  }

  return (
    <div className="space-y-6">
      <BackLink />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 lg:col-start-1">
          <CourseHeader course={data} />
        </div>
        <aside
          aria-label={t('course.ctaLabel')}
          className="lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start"
        >
          <CourseCta course={data} />
        </aside>
        <div className="min-w-0 space-y-10 lg:col-start-1">
          {data.description_html && (
            <section aria-labelledby="about" className="space-y-3">
              <h2 id="about" className="text-2xl font-bold">
                {t('course.about')}
              </h2>
              <ServerHtml html={data.description_html} />
              {data.tags.length > 0 && (
                <ul aria-label={t('course.tags')} className="flex flex-wrap gap-1.5">
                  {data.tags.map((tag) => (
                    <li key={tag} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm text-slate-800">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="syllabus" className="space-y-3">
            <h2 id="syllabus" className="text-2xl font-bold">
              {t('course.syllabus')}
            </h2>
            <SyllabusAccordion slug={data.slug} sections={data.sections} />
          </section>
          <CourseRecordings course={data} />
          <ReviewsSection course={data} />
        </div>
      </div>
    </div>
  )
}
