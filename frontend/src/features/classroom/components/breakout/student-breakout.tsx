import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../../hooks/room-context'
import { roomNumber } from '../../utils/breakout-state'
import { personName } from '../../utils/room-state'
import { Countdown } from './countdown'

/**
 * A student's view of the breakout round, above the stage: which room they are in and for how long, a
 * call for the tutor's help, and (when students choose) the rooms to join.
 */
export function StudentBreakout() {
  const { t } = useTranslation()
  const { state, me, act } = useAdmittedRoom()
  const headingId = useId()
  const [helpAsked, setHelpAsked] = useState<string | null>(null)
  const breakout = state.breakout
  if (!breakout) return null

  const myRoom = breakout.myRoomId
  const number = roomNumber(state, myRoom)
  const choosing = breakout.round.mode === 'choose'
  const visitors = Object.entries(breakout.visits)
    .filter(([userId, roomId]) => roomId !== null && roomId === myRoom && userId !== me.userId)
    .map(([userId]) => personName(state, userId))
    .filter((name): name is string => name !== null)

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border-2 border-brand-700 bg-brand-50 p-4">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {myRoom && number !== null ? t('classroom.breakout.inRoom', { number }) : t('classroom.breakout.roomsOpen')}
      </h2>
      {!myRoom && <p className="text-slate-900">{t('classroom.breakout.inMain')}</p>}
      <Countdown endsAt={breakout.round.ends_at} tutor={false} />
      {visitors.map((name) => (
        <p key={name} className="font-medium text-brand-800">
          {t('classroom.breakout.visitorHere', { name })}
        </p>
      ))}
      {myRoom && (
        <div className="space-y-2">
          <Button
            variant="secondary"
            onClick={() => {
              if (act({ type: 'breakout.help' })) setHelpAsked(myRoom)
            }}
          >
            <span aria-hidden="true">✋</span>
            {t('classroom.breakout.askHelp')}
          </Button>
          <p role="status" className="text-sm text-slate-900">
            {helpAsked === myRoom ? t('classroom.breakout.helpSent') : ''}
          </p>
        </div>
      )}
      {choosing && (
        <div className="space-y-2">
          <p className="font-medium text-slate-900">
            {myRoom ? t('classroom.breakout.switchRoom') : t('classroom.breakout.chooseRoom')}
          </p>
          <ul className="flex flex-wrap gap-2">
            {breakout.round.rooms
              .filter((room) => room.id !== myRoom)
              .map((room) => (
                <li key={room.id}>
                  <Button size="sm" onClick={() => act({ type: 'breakout.join', room_id: room.id })}>
                    {t('classroom.breakout.join', { number: room.number })}
                  </Button>
                </li>
              ))}
            {myRoom && (
              <li>
                <Button size="sm" variant="secondary" onClick={() => act({ type: 'breakout.join', room_id: null })}>
                  {t('classroom.breakout.leaveToMain')}
                </Button>
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  )
}
