/**
 * `GET /sessions/{id}/media`: how this browser sends and receives the class's video (docs/classroom.md,
 * "How a client gets its media settings"). TURN credentials and LiveKit tokens inside are short-lived, so the
 * answer is never cached for long.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'

import { authFetch } from '@/lib/auth/auth-fetch'
import { apiErrorFromResponse, networkError } from '@/lib/errors'

export type MediaMode = 'mesh' | 'livekit' | 'zoom'

export interface IceServerSettings {
  urls: string[]
  username?: string
  credential?: string
}

export interface ZoomMeeting {
  meeting_id: string
  join_url: string
  password: string
  /** The host's link: tutors only. */
  start_url?: string
}

export interface MediaSettings {
  mode: MediaMode
  /** Above this many people a mesh starts newcomers with their camera off. */
  mesh_limit: number
  ice_servers: IceServerSettings[]
  ice_expires_at: string | null
  livekit: { url: string; token: string } | null
  zoom: ZoomMeeting | null
  /** The caller may share a screen now. */
  screen_share: boolean
  face_presence: boolean
}

export async function getMediaSettings(sessionId: string, signal?: AbortSignal): Promise<MediaSettings> {
  const request = new Request(
    `${window.location.origin}/api/v1/sessions/${encodeURIComponent(sessionId)}/media`,
    { credentials: 'same-origin', signal },
  )
  let response: Response
  try {
    response = await authFetch(request)
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw apiErrorFromResponse(response, body)
  return body as MediaSettings
}

export const mediaSettingsQueryOptions = (sessionId: string) =>
  queryOptions({
    // Not under the sessions prefix: a class change elsewhere must not reconnect the video.
    queryKey: ['classroom-media', sessionId],
    queryFn: ({ signal }) => getMediaSettings(sessionId, signal),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  })

export function useMediaSettings(sessionId: string) {
  return useQuery(mediaSettingsQueryOptions(sessionId))
}
