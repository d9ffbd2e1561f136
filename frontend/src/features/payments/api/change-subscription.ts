import { useMutation, useQueryClient } from '@tanstack/react-query'

import { paymentKeys } from './keys'
import { apiRequest, segment } from './request'
import type { Subscription } from './types'

/**
 * `POST /subscriptions/{id}/cancel` (it ends when the paid period does) and `POST /subscriptions/{id}/resume`
 * (it renews again): the same call with opposite effects.
 */
export function changeSubscription(id: string, action: 'cancel' | 'resume'): Promise<Subscription> {
  return apiRequest(`/subscriptions/${segment(id)}/${action}`, { method: 'POST' })
}

export function useChangeSubscription() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'cancel' | 'resume' }) => changeSubscription(id, action),
    onSuccess: (changed) => {
      queryClient.setQueryData<Subscription[]>(paymentKeys.subscriptions, (list) =>
        list?.map((subscription) => (subscription.id === changed.id ? changed : subscription)),
      )
      return queryClient.invalidateQueries({ queryKey: paymentKeys.subscriptions })
    },
  })
}
