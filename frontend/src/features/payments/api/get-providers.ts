import { queryOptions, useQuery } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest } from './request'
import type { PaymentProvider } from './types'

/** `GET /payments/providers?currency=`: the ways to pay in one currency, the preferred one first. */
export function getProviders(currency: string, signal?: AbortSignal): Promise<PaymentProvider[]> {
  return apiRequest('/payments/providers', { query: { currency }, signal })
}

export const providersQueryOptions = (currency: string) =>
  queryOptions({
    queryKey: paymentKeys.providers(currency),
    queryFn: ({ signal }) => getProviders(currency, signal),
    staleTime: 5 * 60_000,
  })

export function useProviders(currency: string | undefined) {
  return useQuery({ ...providersQueryOptions(currency ?? ''), enabled: Boolean(currency) })
}
