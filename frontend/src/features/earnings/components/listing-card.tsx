import { Link } from 'react-router'

import { Badge } from '@/components/ui/badge'
import { ButtonLink } from '@/components/ui/button'

import type { Listing } from '../api/types'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'

/** Where "Buy" goes: checkout, with the listing as the one item. */
function checkoutHref(slug: string): string {
  return `/checkout?listing=${encodeURIComponent(slug)}`
}

/** A listing in the marketplace: what it is, whose, what it holds, its price, and Buy (or Owned). */
export function ListingCard({ listing, mine }: { listing: Listing; mine: boolean }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const href = `/marketplace/${encodeURIComponent(listing.slug)}`
  return (
    <article className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">
          <Link to={href} className="hover:underline" dir="auto">
            {listing.title}
          </Link>
        </h2>
        {listing.owned && <Badge tone="brand">{t('earnings.market.owned')}</Badge>}
      </div>
      <p className="text-sm text-slate-700">{t('earnings.market.by', { name: listing.tutor.name })}</p>
      {listing.description && (
        <p className="mt-2 line-clamp-3 text-slate-800" dir="auto">
          {listing.description}
        </p>
      )}
      <p className="mt-2 text-sm text-slate-700">
        {t('earnings.market.holds', {
          recordings: t('earnings.market.recordings', { count: listing.recording_count }),
          lessons: t('earnings.market.lessons', { count: listing.lesson_count }),
        })}
      </p>
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-4">
        <span className="text-xl font-bold text-slate-900 tabular-nums">{f.money(listing.price_amount, listing.currency)}</span>
        {listing.owned || mine ? (
          <ButtonLink to={href} variant="secondary" size="sm">
            {t('earnings.market.watch')}
          </ButtonLink>
        ) : (
          <ButtonLink
            to={checkoutHref(listing.slug)}
            size="sm"
            aria-label={t('earnings.market.buyLabel', { title: listing.title })}
          >
            {t('earnings.market.buy')}
          </ButtonLink>
        )}
      </div>
    </article>
  )
}
