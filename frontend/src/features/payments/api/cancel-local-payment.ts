import { useMutation } from '@tanstack/react-query'

import { apiRequest, segment } from './request'
import type { Redirect } from './types'

/** `POST /payments/local/{id}/cancel`: the buyer gave up on the gateway's page; returns where to go back to. */
export function cancelLocalPayment(id: string): Promise<Redirect> {
  return apiRequest(`/payments/local/${segment(id)}/cancel`, { method: 'POST' })
}

export function useCancelLocalPayment(id: string) {
  return useMutation({ mutationFn: () => cancelLocalPayment(id) })
}
