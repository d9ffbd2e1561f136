import { useMutation, useQueryClient } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from '../client'
import { sharedQueryKeys } from '../query-keys'
import { recordingKeys } from './keys'
import type { RecordingLessonBody } from './types'

/** `POST /recordings/{rid}/lesson {section_id, title?}` → `{lesson_id}`: a video lesson playing the recording. */
export function publishRecordingLesson(id: string, body: RecordingLessonBody): Promise<{ lesson_id: string }> {
  return unwrap(
    apiClient.POST('/api/v1/recordings/{recording_id}/lesson', { params: { path: { recording_id: id } }, body }),
  )
}

export function usePublishRecordingLesson() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecordingLessonBody }) => publishRecordingLesson(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: recordingKeys.all }),
        // The course's syllabus gains the lesson.
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.courses }),
      ]),
  })
}
