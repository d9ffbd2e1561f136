/**
 * `GET /sessions/{id}/media`: how this browser sends and receives the class's video (docs/classroom.md,
 * "How a client gets its media settings"). TURN credentials and LiveKit tokens inside are short-lived: the
 * answer is kept for this visit of the room only.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { components } from '@/api/schema'
import { unwrap } from '@/lib/errors'

export type MediaSettings = components['schemas']['MediaConfig']
export type MediaMode = MediaSettings['mode']
export type ZoomMeeting = components['schemas']['ZoomMeeting']

export function getMediaSettings(sessionId: string, signal?: AbortSignal): Promise<MediaSettings> {
  return unwrap(apiClient.GET('/api/v1/sessions/{id}/media', { params: { path: { id: sessionId } }, signal }))
}

export const mediaSettingsQueryOptions = (sessionId: string) =>
  queryOptions({
    // Not under the sessions prefix: a class changing elsewhere must not reconnect the video.
    queryKey: ['classroom-media', sessionId],
    queryFn: ({ signal }) => getMediaSettings(sessionId, signal),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  })

export function useMediaSettings(sessionId: string) {
  return useQuery(mediaSettingsQueryOptions(sessionId))
}
