import { useMutation } from '@tanstack/react-query'

import type { CourseDetail } from '@/api/types'
import { apiErrorFromResponse } from '@/lib/errors'
import { sendWithProgress } from '@/lib/uploads/xhr'

import { useCourseCache } from '../utils/course-cache'

export const COVER_MAX_BYTES = 5 * 1024 * 1024
export const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

/** `POST /courses/{slug}/cover` (multipart `cover`), with upload progress in percent. */
export async function uploadCover(
  slug: string,
  file: File,
  onProgress: (percent: number) => void = () => {},
): Promise<CourseDetail> {
  const form = new FormData()
  form.append('cover', file)
  const result = await sendWithProgress({
    method: 'POST',
    url: `/api/v1/courses/${encodeURIComponent(slug)}/cover`,
    body: form,
    onProgress: (loaded) => onProgress(file.size > 0 ? Math.min(100, (loaded / file.size) * 100) : 0),
  })
  if (result.status >= 200 && result.status < 300) {
    onProgress(100)
    return result.body as CourseDetail
  }
  throw apiErrorFromResponse(result, result.body)
}

export function useUploadCover(slug: string) {
  const cache = useCourseCache()
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) =>
      uploadCover(slug, file, onProgress),
    onSuccess: (course) => cache.store(course),
  })
}
