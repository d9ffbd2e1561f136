import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

import { useAdmittedRoom } from '../../hooks/room-context'
import { roomNumber } from '../../utils/breakout-state'
import type { Person } from '../../utils/protocol'
import { BroadcastForm } from './broadcast-form'
import { Countdown } from './countdown'
import { MoveSelect } from './move-select'
import { RoomCard } from './room-card'

/**
 * The Rooms tab (tutors, while breakout rooms are open): every room with its students, moving and
 * visiting, a message to all rooms, and calling everyone back.
 */
export function RoomsPanel({ onReadChat }: { onReadChat: (roomId: string) => void }) {
  const { t } = useTranslation()
  const { state, me, act } = useAdmittedRoom()
  const [confirmClose, setConfirmClose] = useState(false)
  const headingId = useId()
  const mainId = useId()
  const breakout = state.breakout
  if (!breakout) return null

  const { rooms } = breakout.round
  const online = new Map(state.participants.map((person) => [person.user_id, person]))
  const membersOf = (ids: readonly string[]): Person[] =>
    ids.map((id) => online.get(id)).filter((person): person is Person => person !== undefined)
  const placed = new Set(rooms.flatMap((room) => room.members))
  const inMain = state.participants.filter((person) => person.role === 'student' && !placed.has(person.user_id))
  const visiting = breakout.visits[me.userId] ?? null
  const visitingNumber = roomNumber(state, visiting)
  const calling = new Set(state.helpCalls.map((call) => call.roomId))

  return (
    <div className="space-y-6">
      <section aria-labelledby={headingId} className="space-y-2">
        <h2 id={headingId} className="font-semibold text-slate-900">
          {t('classroom.breakout.panelHeading', { count: rooms.length })}
        </h2>
        <Countdown endsAt={breakout.round.ends_at} tutor />
        {visiting && visitingNumber !== null && (
          <div className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 p-2">
            <p className="text-sm font-medium text-slate-900">
              {t('classroom.breakout.visitingRoom', { number: visitingNumber })}
            </p>
            <Button size="sm" variant="secondary" onClick={() => act({ type: 'breakout.visit', room_id: null })}>
              {t('classroom.breakout.backToMain')}
            </Button>
          </div>
        )}
      </section>
      <ul className="space-y-3">
        {rooms.map((room) => (
          <RoomCard
            key={room.id}
            room={room}
            rooms={rooms}
            members={membersOf(room.members)}
            visiting={visiting === room.id}
            helpWanted={calling.has(room.id)}
            onReadChat={onReadChat}
          />
        ))}
      </ul>
      <section aria-labelledby={mainId} className="space-y-2">
        <h3 id={mainId} className="font-semibold text-slate-900">
          {t('classroom.breakout.mainRoom')}
          <span className="ms-2 text-sm font-normal text-slate-700">
            {t('classroom.breakout.students', { count: inMain.length })}
          </span>
        </h3>
        {inMain.length === 0 ? (
          <p className="text-sm text-slate-600">{t('classroom.breakout.mainEmpty')}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {inMain.map((student) => (
              <li key={student.user_id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span className="min-w-0 break-words text-slate-900">{student.name}</span>
                <MoveSelect student={student} currentRoomId={null} rooms={rooms} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <BroadcastForm lastBroadcast={breakout.lastBroadcast} />
      <Button variant="danger" onClick={() => setConfirmClose(true)}>
        {t('classroom.breakout.close')}
      </Button>
      <ConfirmDialog
        open={confirmClose}
        title={t('classroom.breakout.closeTitle')}
        confirmLabel={t('classroom.breakout.close')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirmClose(false)}
        onConfirm={() => {
          act({ type: 'breakout.end' })
          setConfirmClose(false)
        }}
      >
        {t('classroom.breakout.closeBody')}
      </ConfirmDialog>
    </div>
  )
}
