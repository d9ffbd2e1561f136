import { apiClient } from '@/api/client'
import type { ResourceCreateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

/**
 * `POST /courses/{slug}/resources {upload_id, title, kind, lesson_id?}`. Called
 * by the upload job once the file is stored.
 */
export function createResource(slug: string, body: ResourceCreateBody) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/resources', { params: { path: { slug } }, body }))
}
