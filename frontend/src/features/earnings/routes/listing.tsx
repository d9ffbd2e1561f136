import { Link, useParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { useAuth } from '@/lib/auth/auth-context'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useListing } from '../api/listings'
import type { ListingDetail } from '../api/types'
import { ListingContentView } from '../components/listing-content'
import { ListingStatusBadge } from '../components/listing-status-badge'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'

function BackToMarketplace() {
  const { t } = useEarningsT()
  return (
    <Link to="/marketplace" className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 hover:underline">
      <span aria-hidden="true" className="rtl:rotate-180">
        ←
      </span>
      {t('earnings.listing.back')}
    </Link>
  )
}

function ListingPage({ listing }: { listing: ListingDetail }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const { user } = useAuth()
  const mine = user?.id === listing.tutor.id || listing.can_edit
  const canWatch = listing.owned || mine
  const items = [...listing.recordings, ...listing.lessons]

  return (
    <div className="space-y-6">
      <BackToMarketplace />
      <div className="space-y-2">
        <PageHeading className="mb-0">
          <span dir="auto">{listing.title}</span>
        </PageHeading>
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span>{t('earnings.market.by', { name: listing.tutor.name })}</span>
          {listing.owned && <Badge tone="brand">{t('earnings.market.owned')}</Badge>}
          {mine && listing.status !== 'published' && <ListingStatusBadge status={listing.status} />}
        </p>
      </div>
      {listing.description && (
        <p className="whitespace-pre-line text-slate-800" dir="auto">
          {listing.description}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <p className="text-2xl font-bold text-slate-900 tabular-nums">{f.money(listing.price_amount, listing.currency)}</p>
          <p className="text-sm text-slate-700">
            {t('earnings.market.holds', {
              recordings: t('earnings.market.recordings', { count: listing.recording_count }),
              lessons: t('earnings.market.lessons', { count: listing.lesson_count }),
            })}
          </p>
        </div>
        {!canWatch && listing.status === 'published' && (
          <ButtonLink to={`/checkout?listing=${encodeURIComponent(listing.slug)}`} className="ms-auto">
            {t('earnings.market.buy')}
          </ButtonLink>
        )}
        {mine && (
          <ButtonLink to={`/teaching/listings/${encodeURIComponent(listing.slug)}/edit`} variant="secondary" className="ms-auto">
            {t('earnings.listing.edit')}
          </ButtonLink>
        )}
      </div>
      {canWatch ? (
        <ListingContentView slug={listing.slug} />
      ) : (
        <>
          {listing.status === 'archived' && <Alert tone="info">{t('earnings.listing.archived')}</Alert>}
          {items.length > 0 && (
            <div className="space-y-2">
              <h2 className="text-xl font-semibold text-slate-900">{t('earnings.listing.inside')}</h2>
              <ul className="list-disc space-y-1 ps-6">
                {items.map((item) => (
                  <li key={item.id} dir="auto">
                    {item.title}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="text-slate-700">{t('earnings.listing.lifetime')}</p>
        </>
      )}
    </div>
  )
}

/** `/marketplace/:slug`: a listing; its buyers and its tutor watch its recordings and lessons here. */
export function ListingRoute() {
  const { t } = useEarningsT()
  const { slug = '' } = useParams()
  const listing = useListing(slug)
  useDocumentTitle(listing.data?.title ?? t('earnings.market.title'))

  if (listing.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="sr-only">
          {t('earnings.common.loading')}
        </p>
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-40" />
      </div>
    )
  }
  if (listing.isError) {
    return isApiError(listing.error) && listing.error.status === 404 ? (
      <EmptyState title={t('earnings.listing.notFound')} action={<BackToMarketplace />} />
    ) : (
      <LoadErrorAlert title={t('earnings.listing.loadError')} error={listing.error} onRetry={() => void listing.refetch()} />
    )
  }
  return <ListingPage listing={listing.data} />
}
