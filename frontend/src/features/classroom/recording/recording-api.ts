/**
 * The recorder's REST calls (docs/classroom.md, "Recording"): start, upload a chunk, stop. Chunks are raw
 * WebM bytes, so they go through the authenticated `fetch` rather than the JSON client.
 */
import { apiClient } from '@/api/client'
import { getRecording } from '@/api/recordings/get-recording'
import type { Recording } from '@/api/recordings/types'
import { authFetch } from '@/lib/auth/auth-fetch'
import { isApiError, unwrap } from '@/lib/errors'

import { classifyChunkResponse, type RecordingChunk, type UploadOutcome } from './chunk-queue'

/**
 * `POST /sessions/{id}/recordings` → the new recording; when one is running already (another tab of the
 * tutor, or this tab before a reload: 409 `already_recording`) → that one, to continue.
 */
export async function startRecording(sessionId: string): Promise<{ recording: Recording; resumed: boolean }> {
  try {
    const recording = await unwrap(
      apiClient.POST('/api/v1/sessions/{id}/recordings', { params: { path: { id: sessionId } }, body: {} }),
    )
    return { recording, resumed: false }
  } catch (error) {
    const running = isApiError(error) && error.code === 'already_recording' ? error.fields.recording_id?.[0] : undefined
    if (!running) throw error
    return { recording: await getRecording(running), resumed: true }
  }
}

/** `POST /sessions/{id}/recordings/{rid}/stop` → the recording, now processing (safe to repeat). */
export function stopRecording(sessionId: string, recordingId: string): Promise<Recording> {
  return unwrap(
    apiClient.POST('/api/v1/sessions/{id}/recordings/{recording_id}/stop', {
      params: { path: { id: sessionId, recording_id: recordingId } },
    }),
  )
}

export function chunkUrl(sessionId: string, recordingId: string, { part, index }: Pick<RecordingChunk, 'part' | 'index'>) {
  const recording = `/api/v1/sessions/${encodeURIComponent(sessionId)}/recordings/${encodeURIComponent(recordingId)}`
  return new URL(`${recording}/chunks/${part}/${index}`, window.location.origin).toString()
}

/** `PUT /sessions/{id}/recordings/{rid}/chunks/{part}/{index}` with the chunk's bytes. */
export async function uploadChunk(
  sessionId: string,
  recordingId: string,
  chunk: RecordingChunk,
): Promise<UploadOutcome> {
  try {
    // The bytes themselves (not the Blob) so the request can be cloned for a retry after a sign-in refresh.
    const body = await chunk.blob.arrayBuffer()
    const response = await authFetch(
      new Request(chunkUrl(sessionId, recordingId, chunk), {
        method: 'PUT',
        headers: { 'Content-Type': 'video/webm', Accept: 'application/json' },
        body,
      }),
    )
    return classifyChunkResponse(response.status)
  } catch {
    return 'retry'
  }
}
