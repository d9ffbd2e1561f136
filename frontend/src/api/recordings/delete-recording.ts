import { useMutation, useQueryClient } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from '../client'
import { recordingKeys } from './keys'

/** `DELETE /recordings/{rid}`: the recording and its files (the class's tutors). */
export async function deleteRecording(id: string): Promise<void> {
  await unwrap(apiClient.DELETE('/api/v1/recordings/{recording_id}', { params: { path: { recording_id: id } } }))
}

export function useDeleteRecording() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteRecording,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordingKeys.all }),
  })
}
