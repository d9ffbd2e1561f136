import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { earningKeys, PAGE_SIZE } from './keys'
import { apiRequest } from './request'
import type { PayoutPage } from './types'

/** `GET /payouts?status=`: the caller's payout requests; admins see everyone's. */
export function getPayouts(status: string, page: number, signal?: AbortSignal): Promise<PayoutPage> {
  return apiRequest('GET', '/payouts', { query: { status, page: page > 1 ? page : null, page_size: PAGE_SIZE }, signal })
}

export function usePayouts(status: string, page: number) {
  return useQuery({
    queryKey: earningKeys.payoutList(status, page),
    queryFn: ({ signal }) => getPayouts(status, page, signal),
    placeholderData: keepPreviousData,
  })
}
