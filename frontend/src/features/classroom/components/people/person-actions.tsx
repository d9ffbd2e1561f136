import { useTranslation } from 'react-i18next'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { Person } from '../../utils/protocol'
import { Popover, PopoverItem } from '../popover'

/**
 * The tutor's menu for one person: lower a hand, mute, let a student share their screen (or stop them),
 * spotlight, remove (which asks first).
 */
export function PersonActions({ person, onRemove }: { person: Person; onRemove: (person: Person) => void }) {
  const { t } = useTranslation()
  const { state, session, act } = useAdmittedRoom()
  const student = person.role === 'student'
  const spotlit = session.spotlight_user_id === person.user_id
  const handUp = state.hands.includes(person.user_id)
  // Null: the server has no screen sharing to allow.
  const mayShare = state.screenAllowed?.includes(person.user_id) ?? null

  return (
    <Popover
      label={<span aria-hidden="true">⋯</span>}
      buttonLabel={t('classroom.people.actionsFor', { name: person.name })}
      variant="ghost"
      buttonClassName="min-w-11 px-2"
    >
      {handUp && (
        <PopoverItem onSelect={() => act({ type: 'hand.lower_for', user_id: person.user_id })}>
          {t('classroom.people.lowerHand')}
        </PopoverItem>
      )}
      {student && !person.muted && (
        <PopoverItem onSelect={() => act({ type: 'mute', user_id: person.user_id })}>
          {t('classroom.people.mute')}
        </PopoverItem>
      )}
      {student && mayShare !== null && (
        <PopoverItem onSelect={() => act({ type: 'screen.permit', user_id: person.user_id, allowed: !mayShare })}>
          {mayShare ? t('media.people.stopScreen') : t('media.people.allowScreen')}
        </PopoverItem>
      )}
      <PopoverItem onSelect={() => act({ type: 'room.spotlight', user_id: spotlit ? null : person.user_id })}>
        {spotlit ? t('classroom.people.unspotlight') : t('classroom.people.spotlight')}
      </PopoverItem>
      {student && (
        <PopoverItem tone="danger" onSelect={() => onRemove(person)}>
          {t('classroom.people.remove')}
        </PopoverItem>
      )}
    </Popover>
  )
}
