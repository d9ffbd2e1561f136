import { Badge } from '@/components/ui/badge'
import { Button, ButtonLink } from '@/components/ui/button'

import type { Plan } from '../api/types'
import { usePaymentsTranslation } from '../i18n'
import { useFormats } from '../utils/use-formats'

/** A plan on offer: its price a month, what it includes, and "Subscribe" unless it is already the buyer's. */
export function PlanCard({ plan, current, onSubscribe }: { plan: Plan; current: boolean; onSubscribe: () => void }) {
  const { t } = usePaymentsTranslation()
  const { money } = useFormats()
  const headingId = `plan-${plan.slug}`
  return (
    <article
      aria-labelledby={headingId}
      className="flex h-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold text-slate-900">
          {plan.name}
        </h3>
        {current && <Badge tone="brand">{t('payments.subscription.yourPlan')}</Badge>}
      </div>
      <p className="text-2xl font-bold text-slate-900">
        {t('payments.subscription.perMonth', { price: money(plan.price_amount, plan.currency) })}
      </p>
      {plan.description && <p className="text-slate-700">{plan.description}</p>}
      <p className="text-sm text-slate-700">
        {t('payments.subscription.includes', { count: plan.included_course_count })}
      </p>
      <div className="mt-auto flex flex-wrap gap-2 pt-2">
        {!current && (
          <Button onClick={onSubscribe}>
            {t('payments.subscription.subscribe')}
            <span className="sr-only">: {plan.name}</span>
          </Button>
        )}
        <ButtonLink to={`/my/subscription/plans/${encodeURIComponent(plan.slug)}`} variant="ghost">
          {t('payments.subscription.seeCourses')}
          <span className="sr-only">: {plan.name}</span>
        </ButtonLink>
      </div>
    </article>
  )
}
