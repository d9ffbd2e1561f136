import { apiClient } from '@/api/client'
import type { UploadCreateBody, UploadSession } from '@/api/types'
import { unwrap } from '@/lib/errors'

/** What an upload must be: a group (`document`, `image`, `code`…) or one kind (`pdf`, `video/mp4`…). */
export type UploadKind = UploadCreateBody['kind']

/** `POST /uploads {filename, size, kind}` → `{id, chunk_size, received_bytes, expires_at, …}`. */
export function createUpload(body: UploadCreateBody, signal?: AbortSignal): Promise<UploadSession> {
  return unwrap(apiClient.POST('/api/v1/uploads', { body, signal }))
}

/** `GET /uploads/{id}`: how many bytes the server has, to continue from there. */
export function getUpload(id: string, signal?: AbortSignal): Promise<UploadSession> {
  return unwrap(apiClient.GET('/api/v1/uploads/{id}', { params: { path: { id } }, signal }))
}

/** `POST /uploads/{id}/complete`: the server checks the real content type and stores the file. */
export function completeUpload(id: string, signal?: AbortSignal): Promise<UploadSession> {
  return unwrap(apiClient.POST('/api/v1/uploads/{id}/complete', { params: { path: { id } }, signal }))
}

/** Where `PUT /uploads/{id}` sends each chunk (raw bytes, so XMLHttpRequest rather than the JSON client). */
export function chunkUrl(id: string): string {
  return `/api/v1/uploads/${encodeURIComponent(id)}`
}
