import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { NoteBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { notesKey } from './get-notes'

/** `PATCH /notes/{id}`: own notes only. */
export function updateNote(noteId: string, body: Partial<NoteBody>) {
  return unwrap(apiClient.PATCH('/api/v1/notes/{id}', { params: { path: { id: noteId } }, body }))
}

export function useUpdateNote(lessonId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<NoteBody> }) => updateNote(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notesKey(lessonId) }),
  })
}
