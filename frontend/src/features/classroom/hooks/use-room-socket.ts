import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'
import { backoffDelay, PING_INTERVAL_MS } from '@/lib/realtime/notifications-socket'

import {
  classroomSocketUrl,
  FINAL_CLOSE_CODES,
  isFinalClose,
  parseServerFrame,
  type ErrorFrame,
  type RoomAction,
  type ServerFrame,
} from '../utils/protocol'

export type RoomConnection =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting' }
  /** The server turned us away or ended the visit; `reason` is its error code when it sent one. */
  | { state: 'closed'; reason: string; message: string | null }

/** What happens before the room greets a socket (with `welcome` or `waiting`): errors then are refusals. */
function isGreeting(frame: ServerFrame): boolean {
  return frame.type === 'welcome' || frame.type === 'waiting'
}

/**
 * Keeps the live room's websocket open. Each connection uses a fresh single-use ticket; after an
 * unexpected close it comes back with backoff and asks for every event after `lastSeq()`. Close codes
 * that mean "you may not be here" end it for good. Error frames that refuse entry become the closed
 * state's reason; later error frames reach `onFrame` like any other frame.
 */
export function useRoomSocket({
  sessionId,
  onFrame,
  lastSeq,
}: {
  sessionId: string
  onFrame: (frame: ServerFrame) => void
  /** The last event number seen, used as `after` when reconnecting. */
  lastSeq: () => number
}): { connection: RoomConnection; send: (action: RoomAction) => boolean; retry: () => void } {
  const [connection, setConnection] = useState<RoomConnection>({ state: 'connecting' })
  const [generation, setGeneration] = useState(0)
  const socketRef = useRef<WebSocket | null>(null)
  const deliver = useEffectEvent(onFrame)
  const readLastSeq = useEffectEvent(lastSeq)

  useEffect(() => {
    if (typeof WebSocket === 'undefined') return
    let disposed = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let pinger: ReturnType<typeof setInterval> | undefined
    let attempt = 0
    let retryPending = false

    const scheduleReconnect = () => {
      if (disposed) return
      setConnection({ state: 'reconnecting' })
      clearTimeout(timer)
      retryPending = true
      timer = setTimeout(() => {
        retryPending = false
        void connect()
      }, backoffDelay(attempt))
      attempt += 1
    }

    const connect = async () => {
      let ticket: string
      try {
        ticket = (await unwrap(apiClient.POST('/api/v1/ws-ticket'))).ticket
      } catch {
        scheduleReconnect()
        return
      }
      if (disposed) return
      const seen = readLastSeq()
      const ws = new WebSocket(classroomSocketUrl(sessionId, ticket, seen > 0 ? seen : null))
      socketRef.current = ws
      let greeted = false
      let refusal: ErrorFrame | null = null

      ws.addEventListener('open', () => {
        setConnection({ state: 'live' })
        clearInterval(pinger)
        pinger = setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }))
        }, PING_INTERVAL_MS)
      })
      ws.addEventListener('message', (message: MessageEvent) => {
        const frame = parseServerFrame(message.data)
        if (!frame) return
        if (frame.type === 'error' && !greeted) {
          refusal = frame
          return
        }
        if (isGreeting(frame)) {
          greeted = true
          attempt = 0
        }
        deliver(frame)
      })
      ws.addEventListener('close', (event: Event) => {
        clearInterval(pinger)
        if (socketRef.current === ws) socketRef.current = null
        if (disposed) return
        const code = event instanceof CloseEvent ? event.code : 1006
        if (isFinalClose(code)) {
          setConnection({
            state: 'closed',
            reason: refusal?.code ?? FINAL_CLOSE_CODES[code] ?? 'forbidden',
            message: refusal?.message ?? null,
          })
          return
        }
        scheduleReconnect()
      })
    }

    // Back online: try at once instead of waiting out the backoff.
    const onOnline = () => {
      if (!retryPending || disposed) return
      retryPending = false
      attempt = 0
      clearTimeout(timer)
      void connect()
    }
    window.addEventListener('online', onOnline)
    void connect()

    return () => {
      disposed = true
      window.removeEventListener('online', onOnline)
      clearTimeout(timer)
      clearInterval(pinger)
      socketRef.current?.close(1000)
      socketRef.current = null
    }
  }, [sessionId, generation])

  const send = useCallback((action: RoomAction): boolean => {
    const ws = socketRef.current
    if (!ws || ws.readyState !== WebSocket.OPEN) return false
    ws.send(JSON.stringify(action))
    return true
  }, [])

  /** Starts over after a final close (for example when the sign-in had lapsed). */
  const retry = useCallback(() => {
    setConnection({ state: 'connecting' })
    setGeneration((value) => value + 1)
  }, [])

  return { connection, send, retry }
}
