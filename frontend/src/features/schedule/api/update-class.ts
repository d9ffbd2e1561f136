import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { LiveClass, LiveClassUpdateBody } from './types'

/** `PATCH /sessions/{id}`: its tutors change a class that has not ended (409 `session_closed` after). */
export function updateClass(id: string, body: LiveClassUpdateBody): Promise<LiveClass> {
  return unwrap(apiClient.PATCH('/api/v1/sessions/{id}', { params: { path: { id } }, body }))
}

export function useUpdateClass() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LiveClassUpdateBody }) => updateClass(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(scheduleKeys.detail(saved.id), saved)
      return queryClient.invalidateQueries({ queryKey: scheduleKeys.all })
    },
  })
}
