import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { BreakoutRoom, Person } from '../../utils/protocol'
import { MoveSelect } from './move-select'

/** One breakout room for the tutor: who is in it, moving them, visiting, and reading its chat. */
export function RoomCard({
  room,
  rooms,
  members,
  visiting,
  helpWanted,
  onReadChat,
}: {
  room: BreakoutRoom
  rooms: readonly BreakoutRoom[]
  /** The room's members who are in the class now. */
  members: readonly Person[]
  visiting: boolean
  helpWanted: boolean
  onReadChat: (roomId: string) => void
}) {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const headingId = useId()
  const name = t('classroom.breakout.roomName', { number: room.number })
  return (
    <li>
      <section
        aria-labelledby={headingId}
        className={cn(
          'space-y-2 rounded-lg border p-3',
          helpWanted ? 'border-2 border-accent-700 bg-accent-100' : 'border-slate-200',
        )}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={headingId} className="font-semibold text-slate-900">
            {name}
            <span className="ms-2 text-sm font-normal text-slate-700">
              {t('classroom.breakout.students', { count: members.length })}
            </span>
          </h3>
          {visiting && <Badge tone="brand">{t('classroom.breakout.visiting')}</Badge>}
        </div>
        {members.length === 0 ? (
          <p className="text-sm text-slate-600">{t('classroom.breakout.emptyRoom')}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {members.map((student) => (
              <li key={student.user_id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span className="min-w-0 break-words text-slate-900">{student.name}</span>
                <MoveSelect student={student} currentRoomId={room.id} rooms={rooms} />
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          {!visiting && (
            <Button
              size="sm"
              aria-label={t('classroom.breakout.visitRoom', { number: room.number })}
              onClick={() => act({ type: 'breakout.visit', room_id: room.id })}
            >
              {t('classroom.breakout.visit')}
            </Button>
          )}
          <Button
            size="sm"
            variant="secondary"
            aria-label={t('classroom.breakout.readRoomChat', { number: room.number })}
            onClick={() => onReadChat(room.id)}
          >
            {t('classroom.breakout.readChat')}
          </Button>
        </div>
      </section>
    </li>
  )
}
