import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { buttonClasses } from '@/components/ui/button-classes'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Spinner } from '@/components/ui/spinner'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useCheckOrder } from '../api/check-order'
import { useOrder } from '../api/get-order'
import type { Order } from '../api/types'
import { OrderLines } from '../components/order-lines'
import { usePaymentsTranslation } from '../i18n'
import { lastPayment, orderOutcome, type Outcome } from '../utils/order-outcome'
import { paymentErrorMessage } from '../utils/payment-errors'

/** How often the page asks about a pending order, and for how long before saying it has not heard. */
export const POLL_MS = 1500
export const POLL_FOR_MS = 60_000

/**
 * `/checkout/result?order=<id>[&cancelled=1]`: where every provider sends the buyer back. The provider's
 * confirmation reaches the server separately (its webhook), so the page asks until the order is settled.
 */
export function CheckoutResultRoute() {
  const { t } = usePaymentsTranslation()
  const [search] = useSearchParams()
  const orderId = search.get('order') ?? ''
  const cancelledHint = search.get('cancelled') === '1'
  const [expired, setExpired] = useState(false)
  const check = useCheckOrder(orderId)
  const order = useOrder(orderId, (data) =>
    data && orderOutcome(data, cancelledHint) === 'waiting' && !expired ? POLL_MS : false,
  )
  const outcome: Outcome | null = order.data ? orderOutcome(order.data, cancelledHint) : null
  const timedOut = outcome === 'waiting' && expired && !order.isFetching

  // Asking stops a minute after the page opened; from then on the buyer asks the provider ("Check again").
  useEffect(() => {
    const timer = window.setTimeout(() => setExpired(true), POLL_FOR_MS)
    return () => window.clearTimeout(timer)
  }, [])
  useDocumentTitle(titleFor(t, outcome, timedOut))

  if (!orderId) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeading>{t('payments.result.title')}</PageHeading>
        <EmptyState
          title={t('payments.result.noOrder')}
          action={
            <Link to="/my/purchases" className="link font-semibold">
              {t('payments.nav.purchases')}
            </Link>
          }
        />
      </div>
    )
  }

  if (!order.data) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeading>{t('payments.result.title')}</PageHeading>
        {order.isPending ? (
          <Confirming />
        ) : (
          <LoadErrorAlert title={t('payments.result.loadError')} error={order.error} onRetry={() => void order.refetch()} />
        )}
      </div>
    )
  }

  const data = order.data
  const onCheck = () => check.mutate()

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {outcome === 'paid' ? (
        <Paid order={data} />
      ) : outcome === 'failed' ? (
        <Settled
          title={t('payments.result.failed')}
          tone="error"
          message={lastPayment(data)?.failure_message || t('payments.result.failedFallback')}
          order={data}
        />
      ) : outcome === 'cancelled' ? (
        <Settled title={t('payments.result.cancelled')} tone="info" message={t('payments.result.cancelledLead')} order={data} />
      ) : timedOut ? (
        <>
          <PageHeading focusOnMount>{t('payments.result.slow')}</PageHeading>
          <Alert
            tone="warning"
            action={
              <Button variant="secondary" onClick={onCheck} loading={check.isPending} loadingText={t('payments.result.checking')}>
                {t('payments.result.checkAgain')}
              </Button>
            }
          >
            {t('payments.result.slowLead')}
          </Alert>
          {check.isSuccess && <p role="status">{t('payments.result.stillWaiting')}</p>}
          {check.isError && <Alert tone="error">{paymentErrorMessage(t, check.error)}</Alert>}
        </>
      ) : (
        <>
          <PageHeading>{t('payments.result.title')}</PageHeading>
          <Confirming />
        </>
      )}
    </div>
  )
}

function titleFor(t: ReturnType<typeof usePaymentsTranslation>['t'], outcome: Outcome | null, timedOut: boolean) {
  if (outcome === 'paid') return t('payments.result.paid')
  if (outcome === 'failed') return t('payments.result.failed')
  if (outcome === 'cancelled') return t('payments.result.cancelled')
  if (timedOut) return t('payments.result.slow')
  return t('payments.result.title')
}

function Confirming() {
  const { t } = usePaymentsTranslation()
  return (
    <Card className="flex flex-col items-center gap-4 py-10 text-center" aria-busy="true">
      <span className="text-brand-700">
        <Spinner size="lg" />
      </span>
      <p role="status" className="text-lg font-semibold">
        {t('payments.result.confirming')}
      </p>
      <p className="text-slate-700">{t('payments.result.confirmingHint')}</p>
    </Card>
  )
}

function Paid({ order }: { order: Order }) {
  const { t } = usePaymentsTranslation()
  const course = order.items.find((item) => item.kind === 'course' && item.course_slug)
  return (
    <>
      <PageHeading
        focusOnMount
        lead={
          order.receipt_number
            ? t('payments.result.paidLeadReceipt', { number: order.receipt_number })
            : t('payments.result.paidLead')
        }
      >
        {t('payments.result.paid')}
      </PageHeading>
      <Card>
        <OrderLines {...order} couponCode={order.coupon_code} />
      </Card>
      <div className="flex flex-wrap gap-3">
        {course?.course_slug && (
          <ButtonLink to={`/learn/${encodeURIComponent(course.course_slug)}`} size="lg">
            {t('payments.result.startLearning')}
          </ButtonLink>
        )}
        {order.receipt_url && (
          <a href={order.receipt_url} className={buttonClasses({ variant: 'secondary', size: 'lg' })} download>
            {t('payments.result.receipt')}
          </a>
        )}
        <ButtonLink to="/my/purchases" variant="ghost" size="lg">
          {t('payments.nav.purchases')}
        </ButtonLink>
      </div>
    </>
  )
}

function Settled({
  title,
  tone,
  message,
  order,
}: {
  title: string
  tone: 'error' | 'info'
  message: string
  order: Order
}) {
  const { t } = usePaymentsTranslation()
  return (
    <>
      <PageHeading focusOnMount>{title}</PageHeading>
      <Alert
        tone={tone}
        action={
          order.can_pay && (
            <ButtonLink to={`/checkout/${encodeURIComponent(order.id)}`}>{t('payments.result.tryAgain')}</ButtonLink>
          )
        }
      >
        {message}
      </Alert>
      <Card>
        <OrderLines {...order} couponCode={order.coupon_code} />
      </Card>
    </>
  )
}
