import { queryOptions, useQuery } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest, segment } from './request'
import type { Order } from './types'

/** `GET /orders/{id}`: one of the buyer's orders (404 for anyone else's). */
export function getOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return apiRequest(`/orders/${segment(id)}`, { signal })
}

export const orderQueryOptions = (id: string) =>
  queryOptions({ queryKey: paymentKeys.order(id), queryFn: ({ signal }) => getOrder(id, signal) })

export function useOrder(id: string, refetchInterval: (order: Order | undefined) => number | false = () => false) {
  return useQuery({
    ...orderQueryOptions(id),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => refetchInterval(query.state.data),
  })
}
