import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Button, ButtonLink } from '@/components/ui/button'

import type { LiveClass } from '../api/types'
import { useClassTimes } from '../hooks/use-class-times'
import { entryState } from '../utils/entry-window'

/**
 * "Enter class": a link to the room while the viewer may enter; before that a disabled button with
 * when it opens, re-read against `now` so it turns on by itself; after, why it is closed.
 */
export function EnterClass({
  session,
  now,
  describedBy,
}: {
  session: LiveClass
  now: number
  /** The id of the card's title, so each button is announced with its class. */
  describedBy?: string
}) {
  const { t } = useTranslation()
  const times = useClassTimes()
  const hintId = useId()
  const state = entryState(session, now)

  if (state.kind === 'open') {
    return (
      <ButtonLink to={session.room_url} aria-describedby={describedBy}>
        {t('schedule.card.enter')}
      </ButtonLink>
    )
  }
  if (state.kind === 'opens') {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button disabled aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}>
          {t('schedule.card.enter')}
        </Button>
        <p id={hintId} className="text-sm text-slate-700">
          {session.viewer.can_manage ? t('schedule.card.opensTutor') : t('schedule.card.opensStudent')}{' '}
          <span className="font-medium text-slate-900">
            ({t('schedule.card.opensIn', { when: times.relative(state.opensAt, now) })})
          </span>
        </p>
      </div>
    )
  }
  return <p className="text-sm text-slate-700">{t(`schedule.card.closed.${state.reason}`)}</p>
}
