import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { earningKeys, PAGE_SIZE } from './keys'
import { apiRequest } from './request'
import type { AdminOrderPage } from './types'

/** `GET /admin/orders?status=&q=`: every order, newest first, with its buyer (admins). */
export function getAdminOrders(status: string, q: string, page: number, signal?: AbortSignal): Promise<AdminOrderPage> {
  return apiRequest('GET', '/admin/orders', {
    query: { status, q, page: page > 1 ? page : null, page_size: PAGE_SIZE },
    signal,
  })
}

export function useAdminOrders(status: string, q: string, page: number) {
  return useQuery({
    queryKey: earningKeys.adminOrderList(status, q, page),
    queryFn: ({ signal }) => getAdminOrders(status, q, page, signal),
    placeholderData: keepPreviousData,
  })
}
