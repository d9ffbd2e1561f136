import { Link, useSearchParams } from 'react-router'

import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { Skeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useEarnings } from '../api/get-earnings'
import { usePayouts } from '../api/get-payouts'
import { pageCount } from '../api/keys'
import { Balances } from '../components/balances'
import { MovementsTable } from '../components/movements-table'
import { PayoutRequestForm } from '../components/payout-request-form'
import { PayoutsTable } from '../components/payouts-table'
import { Section } from '../components/section'
import { useEarningsT } from '../i18n'
import { pageParam } from '../utils/page-param'

function MyPayouts() {
  const { t } = useEarningsT()
  const [params] = useSearchParams()
  const page = pageParam(params)
  const payouts = usePayouts('', page)
  if (payouts.isPending) return <Skeleton className="h-32" />
  if (payouts.isError) {
    return <LoadErrorAlert title={t('earnings.myPayouts.loadError')} error={payouts.error} onRetry={() => void payouts.refetch()} />
  }
  if (payouts.data.results.length === 0) return <EmptyState title={t('earnings.myPayouts.empty')} />
  return (
    <>
      <PayoutsTable payouts={payouts.data.results} />
      <Pagination page={page} pageCount={pageCount(payouts.data.count)} hrefFor={(n) => `/teaching/earnings?page=${n}`} />
    </>
  )
}

/** `/teaching/earnings`: a tutor's balances, latest movements, payout requests and a form to ask for one. */
export function EarningsRoute() {
  const { t } = useEarningsT()
  const earnings = useEarnings()
  useDocumentTitle(t('earnings.page.title'))

  return (
    <div className="space-y-8">
      <PageHeading lead={t('earnings.page.lead')}>{t('earnings.page.title')}</PageHeading>
      <p>
        <Link to="/teaching/listings" className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
          {t('earnings.page.sellRecordings')}
        </Link>
      </p>
      {earnings.isPending ? (
        <div aria-busy="true" className="space-y-4">
          <p role="status" className="sr-only">
            {t('earnings.common.loading')}
          </p>
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : earnings.isError ? (
        <LoadErrorAlert title={t('earnings.page.loadError')} error={earnings.error} onRetry={() => void earnings.refetch()} />
      ) : (
        <>
          <Section title={t('earnings.balances.title')}>
            <Balances balances={earnings.data.balances} />
          </Section>
          <Section title={t('earnings.movements.title')}>
            <MovementsTable movements={earnings.data.recent} />
          </Section>
          <Section title={t('earnings.request.title')} lead={t('earnings.request.lead')}>
            <PayoutRequestForm balances={earnings.data.balances} />
          </Section>
        </>
      )}
      <Section title={t('earnings.myPayouts.title')}>
        <MyPayouts />
      </Section>
    </div>
  )
}
