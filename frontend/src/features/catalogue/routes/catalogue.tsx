import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'

import { cn } from '@/components/ui/cn'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { useDocumentTitle } from '@/lib/use-document-title'

import { COURSES_PAGE_SIZE, useCourses } from '../api/get-courses'
import { CatalogueFilters, type FilterChanges } from '../components/catalogue-filters'
import { CatalogueSearch } from '../components/catalogue-search'
import { CourseCard, CourseCardSkeleton } from '../components/course-card'
import { SortSelect } from '../components/sort-select'
import {
  effectiveSort,
  hasFilters,
  PARAM_NAMES,
  readCatalogueParams,
  toCourseFilters,
} from '../utils/catalogue-params'

export function CatalogueRoute() {
  const { t } = useTranslation()
  const [searchParams, setSearchParams] = useSearchParams()
  const params = readCatalogueParams(searchParams)
  const courses = useCourses(toCourseFilters(params))
  useDocumentTitle(t('catalogue.title'))

  const update = (changes: FilterChanges) => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current)
      for (const [field, value] of Object.entries(changes) as Array<[keyof FilterChanges, string]>) {
        const name = PARAM_NAMES[field]
        if (value) next.set(name, value)
        else next.delete(name)
      }
      if (changes.price === 'free') {
        next.delete(PARAM_NAMES.priceMin)
        next.delete(PARAM_NAMES.priceMax)
      }
      if (changes.search === '' && next.get('sort') === 'relevance') next.delete('sort')
      next.delete('page')
      return next
    })
  }

  const hrefFor = (page: number) => {
    const next = new URLSearchParams(searchParams)
    if (page > 1) next.set('page', String(page))
    else next.delete('page')
    const query = next.toString()
    return query ? `/courses?${query}` : '/courses'
  }

  const filtered = hasFilters(params)

  return (
    <div className="space-y-6">
      <PageHeading lead={t('catalogue.intro')} className="mb-0">
        {t('catalogue.title')}
      </PageHeading>
      <CatalogueSearch search={params.search} onSearch={(search) => update({ search })} />

      <div className="grid gap-6 md:grid-cols-[16rem_1fr] md:items-start">
        <CatalogueFilters params={params} onChange={update} />

        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="text-slate-700">
              {courses.data ? t('catalogue.count', { count: courses.data.count }) : ''}
            </p>
            <SortSelect
              value={effectiveSort(params)}
              searching={Boolean(params.search)}
              onChange={(sort) => update({ sort })}
            />
          </div>

          {courses.isPending ? (
            <div aria-busy="true">
              <p role="status" className="sr-only">
                {t('catalogue.loading')}
              </p>
              <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
                {Array.from({ length: 6 }, (_, index) => (
                  <li key={index}>
                    <CourseCardSkeleton />
                  </li>
                ))}
              </ul>
            </div>
          ) : courses.isError ? (
            <LoadErrorAlert
              title={t('catalogue.loadError')}
              error={courses.error}
              onRetry={() => void courses.refetch()}
            />
          ) : courses.data.count === 0 ? (
            <EmptyState
              title={t('catalogue.empty')}
              action={
                filtered ? (
                  <Link to="/courses" className="link">
                    {t('catalogue.clearFilters')}
                  </Link>
                ) : undefined
              }
            >
              {filtered && t('catalogue.emptyHint')}
            </EmptyState>
          ) : (
            <div aria-busy={courses.isPlaceholderData || undefined}>
              <ul
                className={cn(
                  'grid gap-4 sm:grid-cols-2 xl:grid-cols-3',
                  courses.isPlaceholderData && 'opacity-60',
                )}
              >
                {courses.data.results.map((course) => (
                  <li key={course.id}>
                    <CourseCard course={course} />
                  </li>
                ))}
              </ul>
              <Pagination
                page={params.page}
                pageCount={Math.ceil(courses.data.count / COURSES_PAGE_SIZE)}
                hrefFor={hrefFor}
              />
            </div>
          )}
        </div>
      </div>
    </div>
  )
}
