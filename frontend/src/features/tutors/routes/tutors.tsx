import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'

import { cn } from '@/components/ui/cn'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { useDocumentTitle } from '@/lib/use-document-title'

import { TUTORS_PAGE_SIZE, useTutors } from '../api/get-tutors'
import { TutorCard, TutorCardSkeleton } from '../components/tutor-card'
import { TutorFilters } from '../components/tutor-filters'

function readPage(value: string | null): number {
  const page = Number.parseInt(value ?? '1', 10)
  return Number.isFinite(page) && page > 0 ? page : 1
}

export function TutorsRoute() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const subject = params.get('subject') ?? ''
  const search = params.get('search') ?? ''
  const page = readPage(params.get('page'))
  const tutors = useTutors({ subject, search, page })
  useDocumentTitle(t('tutors.title'))

  const update = (changes: Record<string, string>) => {
    setParams((current) => {
      const next = new URLSearchParams(current)
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value)
        else next.delete(key)
      }
      next.delete('page')
      return next
    })
  }

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params)
    if (target > 1) next.set('page', String(target))
    else next.delete('page')
    const query = next.toString()
    return query ? `/tutors?${query}` : '/tutors'
  }

  const filtered = Boolean(subject || search)

  return (
    <div className="space-y-6">
      <PageHeading lead={t('tutors.intro')} className="mb-0">
        {t('tutors.title')}
      </PageHeading>
      <TutorFilters
        subject={subject}
        search={search}
        onSubjectChange={(value) => update({ subject: value })}
        onSearch={(value) => update({ search: value })}
      />

      {tutors.isPending ? (
        <div aria-busy="true">
          <p role="status" className="sr-only">
            {t('tutors.loading')}
          </p>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {Array.from({ length: 6 }, (_, index) => (
              <li key={index}>
                <TutorCardSkeleton />
              </li>
            ))}
          </ul>
        </div>
      ) : tutors.isError ? (
        <LoadErrorAlert title={t('tutors.loadError')} error={tutors.error} onRetry={() => void tutors.refetch()} />
      ) : tutors.data.count === 0 ? (
        <EmptyState
          title={t('tutors.empty')}
          action={
            filtered ? (
              <Link to="/tutors" className="link">
                {t('tutors.clearFilters')}
              </Link>
            ) : undefined
          }
        >
          {filtered && t('tutors.emptyHint')}
        </EmptyState>
      ) : (
        <div aria-busy={tutors.isPlaceholderData || undefined}>
          <p role="status" className="mb-4 text-slate-700">
            {t('tutors.count', { count: tutors.data.count })}
          </p>
          <ul
            className={cn(
              'grid gap-4 sm:grid-cols-2 lg:grid-cols-3',
              tutors.isPlaceholderData && 'opacity-60',
            )}
          >
            {tutors.data.results.map((tutor) => (
              <li key={tutor.id}>
                <TutorCard tutor={tutor} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={Math.ceil(tutors.data.count / TUTORS_PAGE_SIZE)}
            hrefFor={hrefFor}
          />
        </div>
      )}
    </div>
  )
}
