/**
 * Face presence (docs/classroom.md, "Face presence"): whether the class uses it (the media settings), and one
 * small webcam frame a minute, sent as a multipart upload through the authenticated `fetch`.
 */
import { useQuery } from '@tanstack/react-query'

import { authFetch } from '@/lib/auth/auth-fetch'

import { mediaSettingsQueryOptions } from '../media/api'

/** Whether the class checks face presence: read from the room's media settings (one request for both). */
export function useFacePresenceEnabled(sessionId: string, enabled: boolean) {
  return useQuery({ ...mediaSettingsQueryOptions(sessionId), select: (settings) => settings.face_presence, enabled })
}

/**
 * What became of one frame: the server's yes / no, the class no longer checking (409 `face_presence_off`,
 * or the class not live), too soon after the last one (429), or a failure worth no more than waiting for
 * the next minute.
 */
export type PresenceResult = { kind: 'checked'; face: boolean } | { kind: 'off' } | { kind: 'later' }

/** `POST /sessions/{id}/presence` multipart `frame`. */
export async function sendPresenceFrame(sessionId: string, frame: Blob): Promise<PresenceResult> {
  const form = new FormData()
  form.append('frame', frame, frame.type === 'image/png' ? 'frame.png' : 'frame.jpg')
  let response: Response
  try {
    response = await authFetch(
      new Request(new URL(`/api/v1/sessions/${encodeURIComponent(sessionId)}/presence`, window.location.origin), {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: form,
      }),
    )
  } catch {
    return { kind: 'later' }
  }
  if (response.ok) {
    try {
      const body = (await response.json()) as { face?: unknown }
      return { kind: 'checked', face: body.face === true }
    } catch {
      return { kind: 'later' }
    }
  }
  if (response.status === 409 || response.status === 403 || response.status === 404) return { kind: 'off' }
  return { kind: 'later' }
}
