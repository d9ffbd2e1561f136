import { useProviders } from '../api/get-providers'
import type { ProviderName } from '../api/types'

/** The chosen provider, or the first one offered while nobody has chosen. */
export function useChosenProvider(currency: string | undefined, chosen: ProviderName | null): ProviderName | null {
  const providers = useProviders(currency)
  if (chosen && providers.data?.some((provider) => provider.name === chosen)) return chosen
  return providers.data?.[0]?.name ?? null
}
