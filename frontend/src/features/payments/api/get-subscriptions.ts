import { useQuery } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest } from './request'
import type { Subscription } from './types'

/** `GET /subscriptions`: the caller's subscriptions, current ones first. */
export function getSubscriptions(signal?: AbortSignal): Promise<Subscription[]> {
  return apiRequest('/subscriptions', { signal })
}

export function useSubscriptions() {
  return useQuery({ queryKey: paymentKeys.subscriptions, queryFn: ({ signal }) => getSubscriptions(signal) })
}
