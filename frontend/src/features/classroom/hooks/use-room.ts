import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { notify } from '@/lib/notices'

import { announcementFor } from '../utils/announcements'
import { announcementText } from '../utils/announcement-text'
import { publishMediaFrame } from '../media/media-channel'
import { isBoardFrame, isMediaFrame, type RoomAction, type ServerFrame } from '../utils/protocol'
import { initialRoomState, roomReducer, type RoomInput, type RoomState } from '../utils/room-state'
import type { RoomContextValue } from './room-context'
import { publishBoardFrame } from './use-board-channel'
import { useRoomSocket } from './use-room-socket'

/** How long a reaction floats on screen. */
export const REACTION_MS = 4000

/**
 * The live room for one class: the socket, the state built from its frames, toasts for the server's
 * error frames, and the latest screen-reader announcement.
 */
export function useRoom(sessionId: string): RoomContextValue & {
  announcement: { id: number; text: string } | null
  retry: () => void
} {
  const { t } = useTranslation()
  const [state, setState] = useState<RoomState>(initialRoomState)
  // The reducer runs outside React's batching so consecutive frames (a replay) each see the last result.
  const stateRef = useRef<RoomState>(initialRoomState)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())
  const [announcement, setAnnouncement] = useState<{ id: number; text: string } | null>(null)

  /** Runs the reducer; returns the states before and after, or null when nothing changed. */
  const commit = useCallback((input: RoomInput): { previous: RoomState; next: RoomState } | null => {
    const previous = stateRef.current
    const next = roomReducer(previous, input)
    if (next === previous) return null
    stateRef.current = next
    setState(next)
    return { previous, next }
  }, [])

  const apply = useCallback(
    (input: RoomInput) => {
      const change = commit(input)
      if (!change) return
      const said = announcementFor(change.previous, change.next, input)
      if (said) setAnnouncement((last) => ({ id: (last?.id ?? 0) + 1, text: announcementText(t, said) }))
      if (input.type === 'reaction') {
        const id = change.next.nextReactionId - 1
        const timer = setTimeout(() => {
          timers.current.delete(timer)
          commit({ type: 'reaction.expired', id })
        }, REACTION_MS)
        timers.current.add(timer)
      }
    },
    [commit, t],
  )

  const onFrame = useCallback(
    (frame: ServerFrame) => {
      if (frame.type === 'error') {
        if ('message' in frame) notify(frame.message, 'error')
        return
      }
      if (isBoardFrame(frame)) {
        publishBoardFrame(sessionId, frame)
        return
      }
      if (isMediaFrame(frame)) {
        // A microphone coming back on clears a tutor's mute of that person (the people list shows it).
        if ((frame.type === 'media.hello' || frame.type === 'media.state') && frame.audio) {
          commit({ type: 'media.audio_on', user_id: frame.user_id })
        }
        publishMediaFrame(sessionId, frame)
        return
      }
      apply(frame)
    },
    [apply, commit, sessionId],
  )

  const { connection, send, retry } = useRoomSocket({
    sessionId,
    onFrame,
    lastSeq: () => stateRef.current.lastSeq,
  })

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending) clearTimeout(timer)
      pending.clear()
    }
  }, [])

  const act = useCallback(
    (action: RoomAction): boolean => {
      const sent = send(action)
      if (sent) commit({ type: 'sent', action })
      else notify(t('classroom.offline'), 'info')
      return sent
    },
    [send, commit, t],
  )

  const dismiss = useCallback(
    (what: 'help' | 'notice', id: number) => {
      commit({ type: what === 'help' ? 'help.dismissed' : 'notice.dismissed', id })
    },
    [commit],
  )

  return { state, connection, act, send, dismiss, announcement, retry }
}
