import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { LiveClass, LiveClassPage, ScheduleBody } from './types'

/**
 * `POST /sessions` answers 201 with every class it created, as a plain list. (The published schema
 * describes a page; both shapes are read.)
 */
function createdClasses(body: LiveClassPage | LiveClass[]): LiveClass[] {
  return Array.isArray(body) ? body : body.results
}

export async function scheduleClasses(body: ScheduleBody): Promise<LiveClass[]> {
  const created: LiveClassPage | LiveClass[] = await unwrap(apiClient.POST('/api/v1/sessions', { body }))
  return createdClasses(created)
}

export function useScheduleClasses() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: scheduleClasses,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  })
}
