import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { notify } from '@/lib/notices'

import { useChangeSubscription } from '../api/change-subscription'
import type { Subscription, SubscriptionStatus } from '../api/types'
import { usePaymentsTranslation, type PaymentsKey } from '../i18n'
import { paymentErrorMessage } from '../utils/payment-errors'
import { useFormats } from '../utils/use-formats'

const STATUS: Record<SubscriptionStatus, { tone: 'neutral' | 'brand' | 'accent' | 'danger'; key: PaymentsKey }> = {
  incomplete: { tone: 'neutral', key: 'payments.subscriptionStatus.incomplete' },
  active: { tone: 'brand', key: 'payments.subscriptionStatus.active' },
  past_due: { tone: 'danger', key: 'payments.subscriptionStatus.past_due' },
  ended: { tone: 'neutral', key: 'payments.subscriptionStatus.ended' },
}

/** One of the buyer's subscriptions: its state and dates, and cancelling (after a confirmation) or resuming it. */
export function SubscriptionCard({ subscription }: { subscription: Subscription }) {
  const { t } = usePaymentsTranslation()
  const { money, date } = useFormats()
  const change = useChangeSubscription()
  const [confirming, setConfirming] = useState(false)
  const { plan, status, current_period_end: periodEnd } = subscription
  const running = status === 'active' || status === 'past_due'
  const look = STATUS[status]
  const headingId = `subscription-${subscription.id}`

  const act = (action: 'cancel' | 'resume') =>
    change.mutate(
      { id: subscription.id, action },
      {
        onSuccess: (changed) => {
          setConfirming(false)
          notify(
            action === 'cancel' && changed.current_period_end
              ? t('payments.subscription.cancelled', { date: date(changed.current_period_end) })
              : t('payments.subscription.resumed'),
          )
        },
        onError: () => setConfirming(false),
      },
    )

  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-lg font-semibold text-slate-900">
            {plan.name}
          </h3>
          <p className="text-slate-700">
            {t('payments.subscription.perMonth', { price: money(plan.price_amount, plan.currency) })}
          </p>
        </div>
        <Badge tone={look.tone}>{t(look.key)}</Badge>
      </div>

      {status === 'past_due' && (
        <Alert tone="warning" title={t('payments.subscription.pastDueTitle')}>
          {subscription.grace_ends_at
            ? t('payments.subscription.pastDue', { date: date(subscription.grace_ends_at) })
            : t('payments.subscription.pastDueSoon')}
        </Alert>
      )}

      <p className="text-slate-700">
        {status === 'ended'
          ? subscription.ended_at && t('payments.subscription.endedOn', { date: date(subscription.ended_at) })
          : status === 'incomplete'
            ? t('payments.subscription.incompleteLead')
            : periodEnd &&
              (subscription.cancel_at_period_end
                ? t('payments.subscription.endsOn', { date: date(periodEnd) })
                : t('payments.subscription.renewsOn', { date: date(periodEnd) }))}
      </p>

      {change.isError && <Alert tone="error">{paymentErrorMessage(t, change.error)}</Alert>}

      {running && (
        <div className="flex flex-wrap gap-2">
          {subscription.cancel_at_period_end ? (
            <Button onClick={() => act('resume')} loading={change.isPending}>
              {t('payments.subscription.resume')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('payments.subscription.cancel')}
            </Button>
          )}
        </div>
      )}

      <ConfirmDialog
        open={confirming}
        title={t('payments.subscription.cancelTitle', { plan: plan.name })}
        confirmLabel={t('payments.subscription.cancelConfirm')}
        cancelLabel={t('payments.subscription.keep')}
        confirming={change.isPending}
        onConfirm={() => act('cancel')}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {periodEnd
            ? t('payments.subscription.cancelBody', { date: date(periodEnd) })
            : t('payments.subscription.cancelBodyNow')}
        </p>
      </ConfirmDialog>
    </article>
  )
}
