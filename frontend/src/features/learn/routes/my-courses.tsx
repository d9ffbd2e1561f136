import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { CardGridSkeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { ENROLLMENTS_PAGE_SIZE, useEnrollments } from '../api/get-enrollments'
import { EnrollmentCard } from '../components/enrollment-card'

export function MyCoursesRoute() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const enrollments = useEnrollments(page)
  useDocumentTitle(t('myCourses.title'))

  return (
    <div className="space-y-6">
      <PageHeading className="mb-0">{t('myCourses.title')}</PageHeading>
      {enrollments.isPending ? (
        <CardGridSkeleton label={t('common.loading')} />
      ) : enrollments.isError ? (
        <LoadErrorAlert title={t('myCourses.loadError')} error={enrollments.error} onRetry={() => void enrollments.refetch()} />
      ) : enrollments.data.count === 0 ? (
        <EmptyState title={t('myCourses.empty')} action={<ButtonLink to="/courses">{t('myCourses.browse')}</ButtonLink>}>
          {t('myCourses.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {enrollments.data.results.map((enrollment) => (
              <li key={enrollment.id}>
                <EnrollmentCard enrollment={enrollment} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={Math.ceil(enrollments.data.count / ENROLLMENTS_PAGE_SIZE)}
            hrefFor={(target) => (target > 1 ? `/my/courses?page=${target}` : '/my/courses')}
          />
        </>
      )}
    </div>
  )
}
