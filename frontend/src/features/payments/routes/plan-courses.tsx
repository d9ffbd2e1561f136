import { Link, useParams, useSearchParams } from 'react-router'

import { CourseCover } from '@/components/course/course-cover'
import { CardGridSkeleton } from '@/components/ui/skeleton'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { useDocumentTitle } from '@/lib/use-document-title'

import { usePlanCourses } from '../api/get-plan-courses'
import { usePlans } from '../api/get-plans'
import { PAGE_SIZE } from '../api/keys'
import { usePaymentsTranslation } from '../i18n'
import { pageFrom } from '../utils/page-param'

/** `/my/subscription/plans/<slug>`: the courses a plan includes, as a simple list of cards. */
export function PlanCoursesRoute() {
  const { t } = usePaymentsTranslation()
  const { slug = '' } = useParams()
  const [search] = useSearchParams()
  const page = pageFrom(search)
  const courses = usePlanCourses(slug, page)
  const plan = usePlans().data?.find((candidate) => candidate.slug === slug)
  const title = plan ? t('payments.planCourses.title', { plan: plan.name }) : t('payments.planCourses.titleGeneric')
  useDocumentTitle(title)

  return (
    <div className="space-y-6">
      <Link to="/my/subscription" className="link inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>
        {t('payments.planCourses.back')}
      </Link>
      <PageHeading>{title}</PageHeading>
      {courses.isPending ? (
        <CardGridSkeleton label={t('payments.planCourses.loading')} />
      ) : courses.isError ? (
        <LoadErrorAlert title={t('payments.planCourses.loadError')} error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.results.length === 0 ? (
        <EmptyState title={t('payments.planCourses.empty')} />
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {courses.data.results.map((course) => (
              <li key={course.id}>
                <article className="h-full overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
                  <CourseCover src={course.cover_url} title={course.title} />
                  <div className="space-y-1 p-4">
                    <h2 className="font-semibold">
                      <Link to={`/courses/${encodeURIComponent(course.slug)}`} className="link">
                        {course.title}
                      </Link>
                    </h2>
                    {course.subtitle && <p className="text-sm text-slate-700">{course.subtitle}</p>}
                    <p className="text-sm text-slate-600">{course.tutor.full_name}</p>
                  </div>
                </article>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={Math.ceil(courses.data.count / PAGE_SIZE)}
            hrefFor={(target) => (target > 1 ? `?page=${target}` : '?')}
          />
        </>
      )}
    </div>
  )
}
