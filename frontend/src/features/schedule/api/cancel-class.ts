import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { LiveClass } from './types'

/** `POST /sessions/{id}/cancel`: safe to repeat; 409 `session_closed` once the class has ended. */
export function cancelClass(id: string): Promise<LiveClass> {
  return unwrap(apiClient.POST('/api/v1/sessions/{id}/cancel', { params: { path: { id } } }))
}

export function useCancelClass() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: cancelClass,
    onSuccess: (cancelled) => {
      queryClient.setQueryData(scheduleKeys.detail(cancelled.id), cancelled)
      return queryClient.invalidateQueries({ queryKey: scheduleKeys.all })
    },
  })
}
