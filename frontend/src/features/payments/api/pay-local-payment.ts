import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiRequest, segment } from './request'
import type { LocalCardBody, LocalPayResult } from './types'

/**
 * `POST /payments/local/{id}/pay`: `succeeded`, `failed` (with the bank's message) or
 * `requires_authentication` (send again with `otp`); 400 `validation_error` names the malformed fields.
 */
export function payLocalPayment(id: string, body: LocalCardBody): Promise<LocalPayResult> {
  return apiRequest(`/payments/local/${segment(id)}/pay`, { method: 'POST', body })
}

export function usePayLocalPayment(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: LocalCardBody) => payLocalPayment(id, body),
    // A settled payment changes what the buyer owns (orders, subscriptions, enrolments, course pages): the
    // screens the buyer returns to inside the app must not show what they cached before paying.
    onSuccess: async (result) => {
      if (result.status !== 'requires_authentication') await queryClient.invalidateQueries()
    },
  })
}
