import { useMutation, useQueryClient } from '@tanstack/react-query'

import { earningKeys } from './keys'
import { apiRequest } from './request'
import type { Order, RefundBody } from './types'

/** `POST /orders/{id}/refund {amount?, reason}` (admins): all that is left unless `amount` says less. */
export function refundOrder({ id, body }: { id: string; body: RefundBody }): Promise<Order> {
  return apiRequest('POST', `/orders/${encodeURIComponent(id)}/refund`, { body })
}

export function useRefundOrder() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: refundOrder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: earningKeys.adminOrders }),
  })
}
