import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'

import type { RoomConnection } from '../hooks/use-room-socket'

const dots: Record<RoomConnection['state'], string> = {
  connecting: 'bg-amber-500',
  live: 'bg-brand-600',
  reconnecting: 'bg-amber-500 motion-safe:animate-pulse',
  closed: 'bg-red-700',
}

/** A dot and a word for the socket's state; changes are announced politely. */
export function ConnectionIndicator({ connection }: { connection: RoomConnection }) {
  const { t } = useTranslation()
  const text = {
    connecting: t('classroom.connection.connecting'),
    live: t('classroom.connection.live'),
    reconnecting: t('classroom.connection.reconnecting'),
    closed: t('classroom.connection.closed'),
  }[connection.state]
  return (
    <p role="status" className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
      <span aria-hidden="true" className={cn('size-2.5 rounded-full', dots[connection.state])} />
      {text}
    </p>
  )
}
