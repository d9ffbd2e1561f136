import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'

import { paymentKeys } from '../api/keys'
import { useQuote } from '../api/quote-order'
import type { OrderItemInput, ProviderName, Quote } from '../api/types'
import { useCheckoutPayment } from '../hooks/use-checkout-payment'
import { useChosenProvider } from '../hooks/use-chosen-provider'
import { usePaymentsTranslation } from '../i18n'
import { ownedItemPath } from '../utils/checkout-items'
import { errorCode, paymentErrorMessage } from '../utils/payment-errors'
import { useFormats } from '../utils/use-formats'
import { CheckoutLayout, SummarySkeleton } from './checkout-layout'
import { CouponForm } from './coupon-form'
import { OrderLines } from './order-lines'
import { PayPanel } from './pay-panel'
import { ProviderPicker } from './provider-picker'

/** Refusals that no retry will change: the order cannot be made at all. */
const REFUSALS = new Set(['already_enrolled', 'own_course', 'free_course', 'not_found', 'mixed_currencies'])

/** Checkout for items named in the URL: price them, take a coupon, then order and pay in one click. */
export function NewCheckout({ items }: { items: OrderItemInput[] }) {
  const { t } = usePaymentsTranslation()
  const { money } = useFormats()
  const queryClient = useQueryClient()
  const [coupon, setCoupon] = useState('')
  const [provider, setProvider] = useState<ProviderName | null>(null)
  const quote = useQuote(items, coupon)
  const payment = useCheckoutPayment({ body: { items, ...(coupon ? { coupon } : {}) } })
  const currency = quote.data?.currency
  const chosen = useChosenProvider(currency, provider)
  const ownedPath = ownedItemPath(items)

  const onCoupon = (code: string, priced: Quote | null) => {
    if (priced) queryClient.setQueryData(paymentKeys.quote(items, code), priced)
    setCoupon(code)
    payment.renewKey()
    payment.clearError()
  }

  if (!quote.data) {
    const code = errorCode(quote.error)
    return (
      <CheckoutLayout
        summary={
          quote.isPending ? (
            <SummarySkeleton label={t('payments.checkout.loading')} />
          ) : code && REFUSALS.has(code) ? (
            <Alert
              tone={code === 'already_enrolled' ? 'info' : 'error'}
              action={
                ownedPath && code !== 'not_found' ? (
                  <Link to={ownedPath} className="link font-semibold">
                    {t('payments.checkout.toCourse')}
                  </Link>
                ) : (
                  <Link to="/courses" className="link font-semibold">
                    {t('payments.checkout.browse')}
                  </Link>
                )
              }
            >
              {paymentErrorMessage(t, quote.error)}
            </Alert>
          ) : (
            <LoadErrorAlert
              title={t('payments.checkout.loadError')}
              error={quote.error}
              onRetry={() => void quote.refetch()}
            />
          )
        }
      />
    )
  }

  const priced = quote.data
  const locked = payment.orderId !== null || payment.working
  return (
    <CheckoutLayout
      summary={
        <>
          <OrderLines {...priced} couponCode={coupon || null} />
          <CouponForm items={items} applied={coupon} disabled={locked} onApplied={onCoupon} />
        </>
      }
      payment={
        <>
          <ProviderPicker
            currency={priced.currency}
            value={chosen}
            onChange={setProvider}
            disabled={payment.working}
          />
          <PayPanel
            label={t('payments.checkout.pay', { amount: money(priced.total, priced.currency) })}
            working={payment.working}
            error={payment.error}
            disabled={!chosen || quote.isFetching}
            ownedPath={ownedPath}
            onPay={() => chosen && void payment.pay(chosen)}
          />
        </>
      }
    />
  )
}
