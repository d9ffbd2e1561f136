import { useState } from 'react'
import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { ButtonLink } from '@/components/ui/button'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'

import { useOrder } from '../api/get-order'
import type { ProviderName } from '../api/types'
import { useCheckoutPayment } from '../hooks/use-checkout-payment'
import { useChosenProvider } from '../hooks/use-chosen-provider'
import { usePaymentsTranslation } from '../i18n'
import { lastPayment } from '../utils/order-outcome'
import { useFormats } from '../utils/use-formats'
import { CheckoutLayout, SummarySkeleton } from './checkout-layout'
import { OrderLines } from './order-lines'
import { PayPanel } from './pay-panel'
import { ProviderPicker } from './provider-picker'

/** `/checkout/<order id>`: pays an order made before (after a failed or cancelled attempt, or from the list). */
export function OrderCheckout({ orderId }: { orderId: string }) {
  const { t } = usePaymentsTranslation()
  const { money } = useFormats()
  const order = useOrder(orderId)
  const payment = useCheckoutPayment({ orderId })
  const [provider, setProvider] = useState<ProviderName | null>(null)
  const chosen = useChosenProvider(order.data?.currency, provider)

  if (!order.data) {
    return (
      <CheckoutLayout
        summary={
          order.isPending ? (
            <SummarySkeleton label={t('payments.checkout.loading')} />
          ) : (
            <LoadErrorAlert
              title={t('payments.checkout.orderLoadError')}
              error={order.error}
              onRetry={() => void order.refetch()}
            />
          )
        }
      />
    )
  }

  const data = order.data
  const last = lastPayment(data)
  const paid = data.status !== 'pending' && data.status !== 'failed'
  return (
    <CheckoutLayout
      summary={<OrderLines {...data} couponCode={data.coupon_code} />}
      payment={
        data.can_pay ? (
          <>
            {last && (last.status === 'failed' || last.status === 'cancelled') && (
              <Alert tone="warning" title={t('payments.checkout.lastAttempt')}>
                {last.status === 'failed'
                  ? last.failure_message || t('payments.result.failedFallback')
                  : t('payments.result.cancelledLead')}
              </Alert>
            )}
            <ProviderPicker currency={data.currency} value={chosen} onChange={setProvider} disabled={payment.working} />
            <PayPanel
              label={t('payments.checkout.pay', { amount: money(data.total, data.currency) })}
              working={payment.working}
              error={payment.error}
              disabled={!chosen}
              onPay={() => chosen && void payment.pay(chosen)}
            />
          </>
        ) : paid ? (
          <Alert
            tone="success"
            title={t('payments.checkout.alreadyPaid')}
            action={
              <ButtonLink to={`/checkout/result?order=${encodeURIComponent(data.id)}`} variant="secondary" size="sm">
                {t('payments.checkout.seeOrder')}
              </ButtonLink>
            }
          />
        ) : (
          <Alert tone="info" title={t('payments.checkout.notPayable')}>
            <Link to="/my/purchases" className="link">
              {t('payments.nav.purchases')}
            </Link>
          </Alert>
        )
      }
    />
  )
}
