import { useQuery } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest } from './request'
import type { Plan } from './types'

/** `GET /plans`: the subscription plans on offer, cheapest first. */
export function getPlans(signal?: AbortSignal): Promise<Plan[]> {
  return apiRequest('/plans', { signal })
}

export function usePlans() {
  return useQuery({ queryKey: paymentKeys.plans, queryFn: ({ signal }) => getPlans(signal) })
}
