import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { PAGE_SIZE, paymentKeys } from './keys'
import { apiRequest } from './request'
import type { OrderPage } from './types'

/** `GET /orders?page=`: the buyer's orders, newest first. */
export function getOrders(page: number, signal?: AbortSignal): Promise<OrderPage> {
  return apiRequest('/orders', { query: { page: page > 1 ? page : undefined, page_size: PAGE_SIZE }, signal })
}

export function useOrders(page: number) {
  return useQuery({
    queryKey: paymentKeys.orderList(page),
    queryFn: ({ signal }) => getOrders(page, signal),
    placeholderData: keepPreviousData,
  })
}
