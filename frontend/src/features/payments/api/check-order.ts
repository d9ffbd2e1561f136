import { useMutation, useQueryClient } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest, segment } from './request'
import type { Order } from './types'

/** `POST /orders/{id}/check`: asks the provider about a payment whose answer never came back. */
export function checkOrder(id: string): Promise<Order> {
  return apiRequest(`/orders/${segment(id)}/check`, { method: 'POST' })
}

export function useCheckOrder(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => checkOrder(id),
    onSuccess: (order) => queryClient.setQueryData(paymentKeys.order(id), order),
  })
}
