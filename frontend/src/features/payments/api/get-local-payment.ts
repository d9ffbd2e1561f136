import { useQuery } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest, segment } from './request'
import type { LocalPayment } from './types'

/** `GET /payments/local/{id}`: what the local test gateway is asked to charge, with its test cards. */
export function getLocalPayment(id: string, signal?: AbortSignal): Promise<LocalPayment> {
  return apiRequest(`/payments/local/${segment(id)}`, { signal })
}

export function useLocalPayment(id: string) {
  return useQuery({ queryKey: paymentKeys.localPayment(id), queryFn: ({ signal }) => getLocalPayment(id, signal) })
}
