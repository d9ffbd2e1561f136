import { useMutation, useQueryClient } from '@tanstack/react-query'

import { earningKeys } from './keys'
import { apiRequest } from './request'
import type { Payout, PayoutAction } from './types'

/** `POST /payouts/{id}/approve | reject {note} | mark-paid {note}` (admins); 409 `invalid_transition`. */
export function decidePayout({ id, action, note }: { id: string; action: PayoutAction; note?: string }): Promise<Payout> {
  return apiRequest('POST', `/payouts/${encodeURIComponent(id)}/${action}`, {
    body: action === 'approve' ? {} : { note: note ?? '' },
  })
}

/** Nothing is changed in the cache by hand: every list asks the server again. */
export function useDecidePayout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: decidePayout,
    onSettled: () => queryClient.invalidateQueries({ queryKey: earningKeys.payouts }),
  })
}
