import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { NoteBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { notesKey } from './get-notes'

/** `POST /lessons/{id}/notes {body, timestamp_seconds?}`. */
export function createNote(lessonId: string, body: NoteBody) {
  return unwrap(apiClient.POST('/api/v1/lessons/{id}/notes', { params: { path: { id: lessonId } }, body }))
}

export function useCreateNote(lessonId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NoteBody) => createNote(lessonId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notesKey(lessonId) }),
  })
}
