import { useState } from 'react'
import { Link } from 'react-router'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { useAuth } from '@/lib/auth/auth-context'
import { notify } from '@/lib/notices'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useListings } from '../api/listings'
import { useChangeListingStatus } from '../api/save-listing'
import type { Listing } from '../api/types'
import { ListingStatusBadge } from '../components/listing-status-badge'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'

type Change = { listing: Listing; action: 'publish' | 'archive' }

function ListingRow({ listing, onChange }: { listing: Listing; onChange: (change: Change) => void }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const slug = encodeURIComponent(listing.slug)
  return (
    <article aria-label={listing.title} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">
          <Link to={`/marketplace/${slug}`} className="hover:underline" dir="auto">
            {listing.title}
          </Link>
        </h2>
        <ListingStatusBadge status={listing.status} />
      </div>
      <p className="mt-1 text-slate-700">
        <span className="font-semibold text-slate-900 tabular-nums">{f.money(listing.price_amount, listing.currency)}</span>
        {' · '}
        {t('earnings.market.holds', {
          recordings: t('earnings.market.recordings', { count: listing.recording_count }),
          lessons: t('earnings.market.lessons', { count: listing.lesson_count }),
        })}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {listing.status !== 'archived' && (
          <ButtonLink
            to={`/teaching/listings/${slug}/edit`}
            size="sm"
            variant="secondary"
            aria-label={t('earnings.teachingListings.editLabel', { title: listing.title })}
          >
            {t('earnings.teachingListings.edit')}
          </ButtonLink>
        )}
        {listing.status === 'draft' && (
          <Button size="sm" onClick={() => onChange({ listing, action: 'publish' })}>
            {t('earnings.teachingListings.publish')}
          </Button>
        )}
        {listing.status === 'published' && (
          <Button size="sm" variant="secondary" onClick={() => onChange({ listing, action: 'archive' })}>
            {t('earnings.teachingListings.archive')}
          </Button>
        )}
      </div>
    </article>
  )
}

/** `/teaching/listings`: the tutor's own listings (drafts included), to edit, put on sale or stop selling. */
export function TeachingListingsRoute() {
  const { t } = useEarningsT()
  const { user } = useAuth()
  const listings = useListings({ tutor: user?.id ?? '' }, Boolean(user))
  const change = useChangeListingStatus()
  const [pending, setPending] = useState<Change | null>(null)
  useDocumentTitle(t('earnings.teachingListings.title'))

  const onConfirm = () => {
    if (!pending) return
    const { listing, action } = pending
    change.mutate(
      { slug: listing.slug, action },
      {
        onSuccess: () => notify(t(`earnings.teachingListings.done.${action}`, { title: listing.title })),
        onSettled: () => setPending(null),
      },
    )
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading lead={t('earnings.teachingListings.lead')} className="mb-0">
          {t('earnings.teachingListings.title')}
        </PageHeading>
        <ButtonLink to="/teaching/listings/new">{t('earnings.teachingListings.new')}</ButtonLink>
      </div>
      <ApiErrorAlert error={pending ? null : change.error} />
      {listings.isPending ? (
        <div aria-busy="true">
          <p role="status" className="sr-only">
            {t('earnings.common.loading')}
          </p>
          <Skeleton className="h-32" />
        </div>
      ) : listings.isError ? (
        <LoadErrorAlert title={t('earnings.teachingListings.loadError')} error={listings.error} onRetry={() => void listings.refetch()} />
      ) : listings.data.results.length === 0 ? (
        <EmptyState
          title={t('earnings.teachingListings.empty')}
          action={<ButtonLink to="/teaching/listings/new">{t('earnings.teachingListings.new')}</ButtonLink>}
        >
          {t('earnings.teachingListings.emptyHint')}
        </EmptyState>
      ) : (
        <ul className="space-y-4" aria-label={t('earnings.teachingListings.listLabel')}>
          {listings.data.results.map((listing) => (
            <li key={listing.id}>
              <ListingRow
                listing={listing}
                onChange={(next) => {
                  change.reset()
                  setPending(next)
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== null}
        tone={pending?.action === 'archive' ? 'danger' : 'primary'}
        title={t(pending?.action === 'archive' ? 'earnings.teachingListings.archiveTitle' : 'earnings.teachingListings.publishTitle', {
          title: pending?.listing.title ?? '',
        })}
        confirmLabel={t(pending?.action === 'archive' ? 'earnings.teachingListings.archive' : 'earnings.teachingListings.publish')}
        cancelLabel={t('earnings.common.cancel')}
        confirming={change.isPending}
        onConfirm={onConfirm}
        onCancel={() => setPending(null)}
      >
        {t(pending?.action === 'archive' ? 'earnings.teachingListings.archiveBody' : 'earnings.teachingListings.publishBody')}
      </ConfirmDialog>
    </div>
  )
}
