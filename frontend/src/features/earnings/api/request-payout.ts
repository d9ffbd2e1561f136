import { useMutation, useQueryClient } from '@tanstack/react-query'

import { earningKeys } from './keys'
import { apiRequest } from './request'
import type { Payout, PayoutRequestBody } from './types'

/** `POST /payouts`: 400 `insufficient_balance` (on `amount`) or `validation_error` with fields. */
export function requestPayout(body: PayoutRequestBody): Promise<Payout> {
  return apiRequest('POST', '/payouts', { body })
}

export function useRequestPayout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: requestPayout,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: earningKeys.earnings }),
        queryClient.invalidateQueries({ queryKey: earningKeys.payouts }),
      ]),
  })
}
