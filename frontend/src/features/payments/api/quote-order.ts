import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest } from './request'
import type { OrderBody, OrderItemInput, Quote } from './types'

/** `POST /orders/quote`: prices the items (and a coupon) without making an order. */
export function quoteOrder(body: OrderBody, signal?: AbortSignal): Promise<Quote> {
  return apiRequest('/orders/quote', { method: 'POST', body, signal })
}

/** The price of `items` with `coupon` (empty for none); asking is free, so it is a query, not a mutation. */
export function useQuote(items: readonly OrderItemInput[], coupon: string, enabled = true) {
  return useQuery({
    queryKey: paymentKeys.quote(items, coupon),
    queryFn: ({ signal }) => quoteOrder({ items: [...items], ...(coupon ? { coupon } : {}) }, signal),
    enabled: enabled && items.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}
