import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'
import { LiveIcon, LockIcon } from '@/components/ui/icons'

import { useAdmittedRoom } from '../hooks/room-context'
import { ConnectionIndicator } from './connection-indicator'

/** The class title (the page's h1), whether it is live or locked, and the connection. */
export function RoomHeader() {
  const { t } = useTranslation()
  const { session, connection } = useAdmittedRoom()
  const heading = useRef<HTMLHeadingElement>(null)
  // Entering (perhaps from the waiting room) replaces the page: start reading at the class title.
  useEffect(() => heading.current?.focus(), [])
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <div className="min-w-0 space-y-1">
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl">
          {session.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {session.status === 'live' ? (
            <Badge tone="danger">
              <LiveIcon className="size-4" />
              {t('classroom.status.live')}
            </Badge>
          ) : (
            <Badge>{t('classroom.status.notStarted')}</Badge>
          )}
          {session.locked && (
            <Badge tone="accent">
              <LockIcon className="size-4" />
              {t('classroom.status.locked')}
            </Badge>
          )}
        </div>
      </div>
      <ConnectionIndicator connection={connection} />
    </header>
  )
}
