import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../../hooks/room-context'
import { roomNumber } from '../../utils/breakout-state'
import { personName } from '../../utils/room-state'

/**
 * Students calling for help, above the stage whatever tab is open: a strong visual (no sound) here, and
 * the page's live region reads each call as it comes. Visiting the room answers the call.
 */
export function HelpCalls() {
  const { t } = useTranslation()
  const { state, act, dismiss } = useAdmittedRoom()
  const headingId = useId()
  if (state.helpCalls.length === 0) return null
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded-lg border-2 border-accent-700 bg-accent-100 p-3"
    >
      <h2 id={headingId} className="flex items-center gap-2 font-semibold text-slate-900">
        <span aria-hidden="true" className="motion-safe:animate-pulse">
          ✋
        </span>
        {t('classroom.breakout.helpCalls')}
      </h2>
      <ul className="space-y-2">
        {state.helpCalls.map((call) => {
          const number = roomNumber(state, call.roomId)
          return (
            <li key={call.id} className="flex flex-wrap items-center gap-2">
              <p className="min-w-0 flex-1 font-semibold text-slate-900">
                {t('classroom.breakout.helpCall', {
                  name: personName(state, call.userId) ?? t('classroom.breakout.aStudent'),
                  number: number ?? '?',
                })}
              </p>
              <Button size="sm" onClick={() => act({ type: 'breakout.visit', room_id: call.roomId })}>
                {t('classroom.breakout.visitRoom', { number: number ?? '?' })}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => dismiss('help', call.id)}>
                {t('classroom.breakout.dismiss')}
              </Button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
