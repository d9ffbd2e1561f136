import { useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'

import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { TextField } from '@/components/ui/field'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { CardGridSkeleton } from '@/components/ui/skeleton'
import { useAuth } from '@/lib/auth/auth-context'
import { useDocumentTitle } from '@/lib/use-document-title'

import { pageCount } from '../api/keys'
import { useListings } from '../api/listings'
import { ListingCard } from '../components/listing-card'
import { useEarningsT } from '../i18n'
import { pageParam, withQuery } from '../utils/page-param'

/** `/marketplace?q=`: recorded classes and lessons tutors sell on their own; anyone may browse. */
export function MarketplaceRoute() {
  const { t } = useEarningsT()
  const { user } = useAuth()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const page = pageParam(params)
  const listings = useListings({ q, page })
  const [search, setSearch] = useState(q)
  useDocumentTitle(t('earnings.market.title'))

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setParams(search.trim() ? { q: search.trim() } : {})
  }

  return (
    <div className="space-y-6">
      <PageHeading lead={t('earnings.market.lead')}>{t('earnings.market.title')}</PageHeading>
      <form role="search" onSubmit={onSearch} className="flex flex-wrap items-end gap-2">
        <TextField
          label={t('earnings.market.search')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="w-full flex-1 sm:max-w-md"
        />
        <Button type="submit" variant="secondary">
          {t('earnings.market.searchButton')}
        </Button>
      </form>
      {listings.isPending ? (
        <CardGridSkeleton label={t('earnings.common.loading')} />
      ) : listings.isError ? (
        <LoadErrorAlert title={t('earnings.market.loadError')} error={listings.error} onRetry={() => void listings.refetch()} />
      ) : listings.data.results.length === 0 ? (
        <EmptyState title={q ? t('earnings.market.noMatch', { q }) : t('earnings.market.empty')} />
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('earnings.market.listLabel')}>
            {listings.data.results.map((listing) => (
              <li key={listing.id}>
                <ListingCard listing={listing} mine={user?.id === listing.tutor.id} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={pageCount(listings.data.count)} hrefFor={(n) => withQuery('/marketplace', { q, page: n })} />
        </>
      )}
    </div>
  )
}
