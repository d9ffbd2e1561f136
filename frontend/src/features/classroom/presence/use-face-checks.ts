import { useEffect, useRef, useState } from 'react'

import { useMediaContext } from '../media/media-context'
import { captureFrame } from './capture-frame'
import { sendPresenceFrame } from './presence-api'

/** One frame a minute, the server's limit. */
export const CHECK_INTERVAL_MS = 60_000
/** The first check follows consent after a moment, so the camera is not opened during the click. */
export const FIRST_CHECK_MS = 3000

export type FaceCheckState =
  | { kind: 'waiting' }
  | { kind: 'checked'; at: number; face: boolean }
  | { kind: 'no-camera' }
  | { kind: 'off' }

/** While `active`, takes one small camera frame a minute and sends it for the face check. */
export function useFaceChecks(sessionId: string, active: boolean): FaceCheckState {
  const media = useMediaContext()
  const localStream = useRef<MediaStream | null>(null)
  useEffect(() => {
    localStream.current = media?.localStream ?? null
  })
  const [state, setState] = useState<FaceCheckState>({ kind: 'waiting' })

  useEffect(() => {
    if (!active) return
    let cancelled = false
    let busy = false
    const check = async () => {
      if (busy) return
      busy = true
      try {
        const frame = await captureFrame(localStream.current)
        if (cancelled) return
        if (!frame) {
          setState({ kind: 'no-camera' })
          return
        }
        const result = await sendPresenceFrame(sessionId, frame)
        if (cancelled) return
        if (result.kind === 'checked') setState({ kind: 'checked', at: Date.now(), face: result.face })
        else if (result.kind === 'off') {
          setState({ kind: 'off' })
          clearInterval(timer)
        }
      } finally {
        busy = false
      }
    }
    const first = setTimeout(() => void check(), FIRST_CHECK_MS)
    const timer = setInterval(() => void check(), CHECK_INTERVAL_MS)
    return () => {
      cancelled = true
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [active, sessionId])

  return state
}
