import { useMutation } from '@tanstack/react-query'

import { apiRequest, segment } from './request'

/** `POST /payments/local/{id}/cancel`: the buyer gave up on the gateway's page; returns where to go back to. */
export function cancelLocalPayment(id: string): Promise<{ redirect_url: string }> {
  return apiRequest(`/payments/local/${segment(id)}/cancel`, { method: 'POST' })
}

export function useCancelLocalPayment(id: string) {
  return useMutation({ mutationFn: () => cancelLocalPayment(id) })
}
