import { ChoiceGroup, Choice } from '@/components/ui/field'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useProviders } from '../api/get-providers'
import type { PaymentProvider, ProviderName } from '../api/types'
import { usePaymentsTranslation } from '../i18n'

/** The ways to pay in `currency`, as a radio group; the first (the preferred one) is chosen to begin with. */
export function ProviderPicker({
  currency,
  value,
  onChange,
  disabled,
}: {
  currency: string
  value: ProviderName | null
  onChange: (provider: ProviderName) => void
  disabled?: boolean
}) {
  const { t } = usePaymentsTranslation()
  const providers = useProviders(currency)

  if (providers.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="sr-only">
          {t('payments.providers.loading')}
        </p>
        <Skeleton className="h-24" />
      </div>
    )
  }
  if (providers.isError) {
    return (
      <LoadErrorAlert
        title={t('payments.providers.loadError')}
        error={providers.error}
        onRetry={() => void providers.refetch()}
      />
    )
  }
  const list: PaymentProvider[] = providers.data
  if (list.length === 0) {
    return <p className="text-slate-700">{t('payments.providers.none', { currency })}</p>
  }
  const chosen = value ?? list[0]?.name ?? null
  return (
    <ChoiceGroup legend={t('payments.providers.legend')}>
      {list.map((provider) => (
        <Choice
          key={provider.name}
          type="radio"
          name="provider"
          value={provider.name}
          label={provider.label}
          checked={chosen === provider.name}
          disabled={disabled}
          onChange={() => onChange(provider.name)}
        />
      ))}
    </ChoiceGroup>
  )
}
