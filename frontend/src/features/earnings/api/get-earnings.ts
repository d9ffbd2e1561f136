import { useQuery } from '@tanstack/react-query'

import { earningKeys } from './keys'
import { apiRequest } from './request'
import type { Earnings } from './types'

/** `GET /earnings`: the tutor's balances per currency and latest movements. */
export function getEarnings(signal?: AbortSignal): Promise<Earnings> {
  return apiRequest('GET', '/earnings', { signal })
}

export function useEarnings() {
  return useQuery({ queryKey: earningKeys.earnings, queryFn: ({ signal }) => getEarnings(signal) })
}
