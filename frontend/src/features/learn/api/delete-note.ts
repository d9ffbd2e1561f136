import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { notesKey } from './get-notes'

/** `DELETE /notes/{id}`. */
export function deleteNote(noteId: string) {
  return unwrap(apiClient.DELETE('/api/v1/notes/{id}', { params: { path: { id: noteId } } }))
}

export function useDeleteNote(lessonId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteNote,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notesKey(lessonId) }),
  })
}
