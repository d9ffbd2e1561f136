import { useState } from 'react'

import { Dialog } from '@/components/ui/dialog'

import type { Plan, ProviderName } from '../api/types'
import { useSubscribe } from '../hooks/use-subscribe'
import { useChosenProvider } from '../hooks/use-chosen-provider'
import { usePaymentsTranslation } from '../i18n'
import { useFormats } from '../utils/use-formats'
import { PayPanel } from './pay-panel'
import { ProviderPicker } from './provider-picker'

/** Choosing how to pay for a plan, then going to the provider. Mounted per opening: one key per attempt. */
export function SubscribeDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = usePaymentsTranslation()
  const { money } = useFormats()
  const { subscribe, working, error } = useSubscribe(plan.slug)
  const [provider, setProvider] = useState<ProviderName | null>(null)
  const chosen = useChosenProvider(plan.currency, provider)
  const price = money(plan.price_amount, plan.currency)

  return (
    <Dialog open title={t('payments.subscription.subscribeTitle', { plan: plan.name })} onClose={onClose}>
      <div className="space-y-4">
        <p className="text-slate-700">{t('payments.subscription.subscribeLead', { price })}</p>
        <ProviderPicker currency={plan.currency} value={chosen} onChange={setProvider} disabled={working} />
        <PayPanel
          label={t('payments.subscription.continue', { price })}
          working={working}
          error={error}
          disabled={!chosen}
          onPay={() => chosen && void subscribe(chosen)}
        />
      </div>
    </Dialog>
  )
}
