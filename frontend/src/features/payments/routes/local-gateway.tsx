import { useEffect, useState } from 'react'
import { useParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Spinner } from '@/components/ui/spinner'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useCancelLocalPayment } from '../api/cancel-local-payment'
import { useLocalPayment } from '../api/get-local-payment'
import { usePayLocalPayment } from '../api/pay-local-payment'
import type { LocalPayment, LocalPayResult } from '../api/types'
import { CardForm } from '../components/card-form'
import { GatewayFrame } from '../components/gateway-frame'
import { OtpForm } from '../components/otp-form'
import { usePaymentsTranslation } from '../i18n'
import { cardBody, EMPTY_CARD, type CardValues } from '../utils/card-form'
import { paymentErrorMessage } from '../utils/payment-errors'
import { useFollowRedirect } from '../utils/redirect'
import { useFormats } from '../utils/use-formats'

/** How long a declined card's message stays before the buyer is taken back. */
export const DECLINE_PAUSE_MS = 4000

const OPEN = new Set(['created', 'processing'])

/** Back to the order's result page; a subscription's charge has no order, so back to the subscription. */
function backPath(payment: LocalPayment): string {
  return payment.order_id ? `/checkout/result?order=${encodeURIComponent(payment.order_id)}` : '/my/subscription'
}

/**
 * `/pay/local/<payment id>`: the local test gateway's card page, standing in for a provider's hosted page.
 * It charges a test card, asks for a one-time code when the card wants one, then sends the buyer back.
 */
export function LocalGatewayRoute() {
  const { t } = usePaymentsTranslation()
  const { money } = useFormats()
  const { paymentId = '' } = useParams()
  const payment = useLocalPayment(paymentId)
  const pay = usePayLocalPayment(paymentId)
  const cancel = useCancelLocalPayment(paymentId)
  const follow = useFollowRedirect()
  const [values, setValues] = useState<CardValues>(EMPTY_CARD)
  const [step, setStep] = useState<'card' | 'otp'>('card')
  const [declined, setDeclined] = useState<LocalPayResult | null>(null)
  const merchant = payment.data?.merchant ?? t('payments.gateway.merchant')
  useDocumentTitle(merchant)

  useEffect(() => {
    if (!declined) return
    const timer = window.setTimeout(() => follow({ redirect_url: declined.redirect_url }), DECLINE_PAUSE_MS)
    return () => window.clearTimeout(timer)
    // Only a new decline restarts the pause.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [declined])

  const onResult = (result: LocalPayResult) => {
    if (result.status === 'requires_authentication') setStep('otp')
    else if (result.status === 'failed') setDeclined(result)
    else follow({ redirect_url: result.redirect_url })
  }

  const submit = (otp?: string) => {
    pay.reset()
    pay.mutate(cardBody(values, otp), { onSuccess: onResult })
  }

  const onCancel = () => cancel.mutate(undefined, { onSuccess: (answer) => follow(answer) })

  if (!payment.data) {
    return (
      <GatewayFrame merchant={merchant}>
        {payment.isPending ? (
          <div className="flex justify-center py-6 text-slate-700">
            <Spinner size="lg" label={t('payments.gateway.loading')} />
          </div>
        ) : (
          <LoadErrorAlert
            title={t('payments.gateway.loadError')}
            error={payment.error}
            onRetry={() => void payment.refetch()}
          />
        )}
      </GatewayFrame>
    )
  }

  const data = payment.data
  const amount = money(data.amount, data.currency)
  const busy = pay.isPending || cancel.isPending

  return (
    <GatewayFrame merchant={merchant} amount={amount} description={data.description}>
      {!OPEN.has(data.status) ? (
        <Alert
          tone="info"
          title={t('payments.gateway.closed')}
          action={
            <ButtonLink to={backPath(data)} variant="secondary" size="sm">
              {t('payments.gateway.backToShop')}
            </ButtonLink>
          }
        />
      ) : declined ? (
        <Alert
          tone="error"
          title={t('payments.gateway.declinedTitle')}
          focusOnMount
          action={
            <Button variant="secondary" size="sm" onClick={() => follow({ redirect_url: declined.redirect_url })}>
              {t('payments.gateway.backToShop')}
            </Button>
          }
        >
          <p>{declined.message}</p>
          <p className="mt-1 text-sm">{t('payments.gateway.returning')}</p>
        </Alert>
      ) : step === 'otp' ? (
        <OtpForm submitting={pay.isPending} error={pay.error} onSubmit={submit} />
      ) : (
        <CardForm
          payment={data}
          values={values}
          onChange={setValues}
          payLabel={t('payments.gateway.pay', { amount })}
          submitting={pay.isPending}
          error={pay.error}
          onSubmit={() => submit()}
        />
      )}
      {OPEN.has(data.status) && !declined && (
        <div className="space-y-2">
          <Button variant="ghost" fullWidth onClick={onCancel} loading={cancel.isPending} disabled={busy}>
            {t('payments.gateway.cancel')}
          </Button>
          {cancel.isError && <Alert tone="error">{paymentErrorMessage(t, cancel.error)}</Alert>}
        </div>
      )}
    </GatewayFrame>
  )
}
