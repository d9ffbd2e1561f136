import { useState } from 'react'

import { CardGridSkeleton } from '@/components/ui/skeleton'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { usePlans } from '../api/get-plans'
import { useSubscriptions } from '../api/get-subscriptions'
import type { Plan } from '../api/types'
import { PlanCard } from '../components/plan-card'
import { SubscribeDialog } from '../components/subscribe-dialog'
import { SubscriptionCard } from '../components/subscription-card'
import { usePaymentsTranslation } from '../i18n'

/** `/my/subscription`: the buyer's subscriptions (cancel, resume, overdue payments) and the plans on offer. */
export function MySubscriptionRoute() {
  const { t } = usePaymentsTranslation()
  const plans = usePlans()
  const subscriptions = useSubscriptions()
  const [subscribing, setSubscribing] = useState<Plan | null>(null)
  useDocumentTitle(t('payments.subscription.title'))
  const current = new Set(
    (subscriptions.data ?? []).filter((item) => item.status !== 'ended').map((item) => item.plan.slug),
  )

  return (
    <div className="space-y-10">
      <PageHeading lead={t('payments.subscription.lead')} className="mb-0">
        {t('payments.subscription.title')}
      </PageHeading>

      <section aria-labelledby="my-subscriptions" className="space-y-4">
        <h2 id="my-subscriptions" className="text-xl font-bold">
          {t('payments.subscription.mine')}
        </h2>
        {subscriptions.isPending ? (
          <CardGridSkeleton label={t('payments.subscription.loading')} cards={1} />
        ) : subscriptions.isError ? (
          <LoadErrorAlert
            title={t('payments.subscription.loadError')}
            error={subscriptions.error}
            onRetry={() => void subscriptions.refetch()}
          />
        ) : subscriptions.data.length === 0 ? (
          <EmptyState title={t('payments.subscription.none')}>{t('payments.subscription.noneHint')}</EmptyState>
        ) : (
          <ul className="space-y-4">
            {subscriptions.data.map((subscription) => (
              <li key={subscription.id}>
                <SubscriptionCard subscription={subscription} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="plans" className="space-y-4">
        <h2 id="plans" className="text-xl font-bold">
          {t('payments.subscription.plans')}
        </h2>
        {plans.isPending ? (
          <CardGridSkeleton label={t('payments.subscription.plansLoading')} />
        ) : plans.isError ? (
          <LoadErrorAlert title={t('payments.subscription.plansError')} error={plans.error} onRetry={() => void plans.refetch()} />
        ) : plans.data.length === 0 ? (
          <EmptyState title={t('payments.subscription.noPlans')} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {plans.data.map((plan) => (
              <li key={plan.slug}>
                <PlanCard plan={plan} current={current.has(plan.slug)} onSubscribe={() => setSubscribing(plan)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {subscribing && <SubscribeDialog plan={subscribing} onClose={() => setSubscribing(null)} />}
    </div>
  )
}
