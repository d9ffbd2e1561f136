import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { CardGridSkeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { TEACHING_PAGE_SIZE, useTeachingCourses } from '../api/get-teaching-courses'
import { TeachingCourseCard } from '../components/teaching-course-card'

export function TeachingRoute() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const courses = useTeachingCourses(page)
  useDocumentTitle(t('teaching.title'))

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading lead={t('teaching.intro')} className="mb-0">
          {t('teaching.title')}
        </PageHeading>
        <ButtonLink to="/teaching/new">{t('teaching.newCourse')}</ButtonLink>
      </div>
      {courses.isPending ? (
        <CardGridSkeleton label={t('common.loading')} />
      ) : courses.isError ? (
        <LoadErrorAlert title={t('teaching.loadError')} error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.count === 0 ? (
        <EmptyState title={t('teaching.empty')} action={<ButtonLink to="/teaching/new">{t('teaching.newCourse')}</ButtonLink>}>
          {t('teaching.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {courses.data.results.map((course) => (
              <li key={course.id}>
                <TeachingCourseCard course={course} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={Math.ceil(courses.data.count / TEACHING_PAGE_SIZE)}
            hrefFor={(target) => (target > 1 ? `/teaching?page=${target}` : '/teaching')}
          />
        </>
      )}
    </div>
  )
}
