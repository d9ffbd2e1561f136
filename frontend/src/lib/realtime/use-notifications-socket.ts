import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { useAuth } from '@/lib/auth/auth-context'
import { unwrap } from '@/lib/errors'
import { notify } from '@/lib/notices'

import {
  backoffDelay,
  isOwnPasswordChange,
  notificationsSocketUrl,
  parseRealtimeEvent,
  PING_INTERVAL_MS,
  type RealtimeEvent,
} from './notifications-socket'

/**
 * While someone is signed in, keeps a websocket to `/ws/notifications/` open.
 * Each connection uses a fresh single-use ticket from `POST /ws-ticket`; lost
 * connections come back with exponential backoff.
 */
export function useNotificationsSocket(): void {
  const { status, user } = useAuth()
  const userId = user?.id
  const queryClient = useQueryClient()
  const { t } = useTranslation()

  useEffect(() => {
    if (status !== 'authenticated' || !userId) return
    if (typeof WebSocket === 'undefined') return

    let disposed = false
    let socket: WebSocket | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    let pinger: ReturnType<typeof setInterval> | undefined
    let attempt = 0

    const handle = (event: RealtimeEvent) => {
      if (event.type === 'profile' && event.op === 'update') {
        void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.me })
      } else if (event.type === 'account' && event.op === 'password_changed') {
        if (!isOwnPasswordChange()) notify(t('realtime.passwordChanged'), 'info')
      } else if (event.type === 'enrollment') {
        void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.enrollments })
        void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.courses })
      } else if (event.type === 'submission' && event.op === 'returned') {
        if (typeof event.assignment_id === 'string') {
          void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.mySubmission(event.assignment_id) })
        }
        notify(t('realtime.submissionReturned'), 'info')
      } else if (event.type === 'session') {
        void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.sessions })
        const title = typeof event.title === 'string' ? event.title : ''
        if (event.op === 'cancelled') notify(t('realtime.sessionCancelled', { title }), 'info')
        else if (event.op === 'updated') notify(t('realtime.sessionUpdated', { title }), 'info')
        else if (event.op === 'scheduled') notify(t('realtime.sessionScheduled', { title }), 'info')
      } else if (event.type === 'certificate' && event.op === 'issued') {
        void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.myCertificates })
        notify(t('realtime.certificateIssued'), 'success')
      }
    }

    const scheduleReconnect = () => {
      if (disposed) return
      timer = setTimeout(() => void connect(), backoffDelay(attempt))
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
      const ws = new WebSocket(notificationsSocketUrl(ticket))
      socket = ws
      ws.addEventListener('open', () => {
        attempt = 0
        clearInterval(pinger)
        pinger = setInterval(() => {
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }))
        }, PING_INTERVAL_MS)
      })
      ws.addEventListener('message', (message: MessageEvent) => {
        const event = parseRealtimeEvent(message.data)
        if (event) handle(event)
      })
      ws.addEventListener('close', () => {
        clearInterval(pinger)
        if (socket === ws) socket = null
        scheduleReconnect()
      })
    }

    void connect()

    return () => {
      disposed = true
      clearTimeout(timer)
      clearInterval(pinger)
      socket?.close(1000)
      socket = null
    }
  }, [status, userId, queryClient, t])
}
