import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useReferrals } from '../api/get-referrals'
import type { ReferralSummary } from '../api/types'
import { ReferralLink } from '../components/referral-link'
import { Section } from '../components/section'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'

function Numbers({ summary }: { summary: ReferralSummary }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const items = [
    ['clicks', summary.clicks],
    ['signups', summary.signups],
    ['conversions', summary.conversions],
  ] as const
  return (
    <dl className="grid grid-cols-3 gap-3">
      {items.map(([key, value]) => (
        <div key={key} className="rounded-lg border border-slate-200 bg-white p-4 text-center shadow-sm">
          <dt className="text-sm text-slate-700">{t(`earnings.affiliate.${key}`)}</dt>
          <dd className="text-2xl font-bold text-slate-900 tabular-nums">{f.count(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

function Commission({ summary }: { summary: ReferralSummary }) {
  const { t } = useEarningsT()
  const f = useFormats()
  if (summary.earnings.length === 0) return <EmptyState title={t('earnings.affiliate.noEarnings')} />
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full">
        <caption className="sr-only">{t('earnings.affiliate.earningsCaption')}</caption>
        <thead className="bg-slate-50 text-sm text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.affiliate.currency')}</th>
            <th scope="col" className="px-4 py-2 text-end font-semibold">{t('earnings.affiliate.pending')}</th>
            <th scope="col" className="px-4 py-2 text-end font-semibold">{t('earnings.affiliate.credited')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {summary.earnings.map((row) => (
            <tr key={row.currency}>
              <th scope="row" className="px-4 py-2 text-start font-medium">{row.currency}</th>
              <td className="px-4 py-2 text-end tabular-nums">{f.money(row.pending, row.currency)}</td>
              <td className="px-4 py-2 text-end font-semibold tabular-nums">{f.money(row.credited, row.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Activity({ summary }: { summary: ReferralSummary }) {
  const { t } = useEarningsT()
  const f = useFormats()
  if (summary.recent.length === 0) return <EmptyState title={t('earnings.affiliate.noActivity')} />
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {summary.recent.map((event, index) => (
        <li key={`${event.date}-${index}`} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
          <span>
            <span className="font-medium">{t(`earnings.affiliate.kind.${event.kind}`)}</span>{' '}
            <time dateTime={event.date} className="text-sm text-slate-700">
              {f.dateTime(event.date)}
            </time>
          </span>
          {event.amount !== null && event.currency && (
            <span className="font-semibold text-brand-800 tabular-nums">{f.money(event.amount, event.currency)}</span>
          )}
        </li>
      ))}
    </ul>
  )
}

/** `/affiliate`: the signed-in person's referral link, what it brought, and the rules it follows. */
export function AffiliateRoute() {
  const { t } = useEarningsT()
  const referrals = useReferrals()
  useDocumentTitle(t('earnings.affiliate.title'))

  return (
    <div className="space-y-8">
      <PageHeading lead={t('earnings.affiliate.lead')}>{t('earnings.affiliate.title')}</PageHeading>
      {referrals.isPending ? (
        <div aria-busy="true" className="space-y-4">
          <p role="status" className="sr-only">
            {t('earnings.common.loading')}
          </p>
          <Skeleton className="h-24" />
          <Skeleton className="h-40" />
        </div>
      ) : referrals.isError ? (
        <LoadErrorAlert title={t('earnings.affiliate.loadError')} error={referrals.error} onRetry={() => void referrals.refetch()} />
      ) : (
        <>
          <Section title={t('earnings.affiliate.linkTitle')}>
            <ReferralLink link={referrals.data.link} />
          </Section>
          <Section title={t('earnings.affiliate.numbersTitle')}>
            <Numbers summary={referrals.data} />
          </Section>
          <Section title={t('earnings.affiliate.earningsTitle')}>
            <Commission summary={referrals.data} />
          </Section>
          <Section title={t('earnings.affiliate.activityTitle')}>
            <Activity summary={referrals.data} />
          </Section>
        </>
      )}
      <Section title={t('earnings.affiliate.rulesTitle')}>
        <ul className="list-disc space-y-1 ps-6 text-slate-800">
          <li>{t('earnings.affiliate.rules.attribution')}</li>
          <li>{t('earnings.affiliate.rules.firstPurchase')}</li>
          <li>{t('earnings.affiliate.rules.refundWindow')}</li>
        </ul>
      </Section>
    </div>
  )
}
