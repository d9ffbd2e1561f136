import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/**
 * `POST /lessons/{id}/video {upload_id}`: gives the lesson a completed upload of
 * kind `video`. Called by the upload job once the file is stored, so the
 * progress bar covers the whole flow.
 */
export function attachLessonVideo(lessonId: string, uploadId: string) {
  return unwrap(
    apiClient.POST('/api/v1/lessons/{id}/video', { params: { path: { id: lessonId } }, body: { upload_id: uploadId } }),
  )
}
