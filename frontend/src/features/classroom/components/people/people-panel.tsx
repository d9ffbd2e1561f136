import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ConfirmDialog } from '@/components/ui/confirm-dialog'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { Person } from '../../utils/protocol'
import { handOrder } from '../../utils/room-state'
import { PersonRow } from './person-row'
import { WaitingList } from './waiting-list'

/** Tutors first, then hands in the order they went up, then everyone else as they came in. */
function ordered(people: Person[], hands: string[]): Person[] {
  const rank = (person: Person) => {
    if (person.role === 'tutor') return -1
    const hand = hands.indexOf(person.user_id)
    return hand === -1 ? hands.length : hand
  }
  return people
    .map((person, index) => ({ person, index }))
    .sort((a, b) => rank(a.person) - rank(b.person) || a.index - b.index)
    .map(({ person }) => person)
}

/** The People tab: who is here, raised hands and mutes; for tutors the waiting room and controls. */
export function PeoplePanel() {
  const { t } = useTranslation()
  const { state, me, session, act } = useAdmittedRoom()
  const [removing, setRemoving] = useState<Person | null>(null)

  return (
    <div className="space-y-6">
      {me.tutor && <WaitingList />}
      <section aria-labelledby="classroom-people-heading" className="space-y-2">
        <h2 id="classroom-people-heading" className="font-semibold text-slate-900">
          {t('classroom.people.heading', { count: state.participants.length })}
        </h2>
        <ul aria-label={t('classroom.people.list')} className="divide-y divide-slate-200">
          {ordered(state.participants, state.hands).map((person) => (
            <PersonRow
              key={person.user_id}
              person={person}
              isMe={person.user_id === me.userId}
              handOrder={handOrder(state, person.user_id)}
              spotlit={session.spotlight_user_id === person.user_id}
              sharesScreen={person.role === 'student' && (state.screenAllowed?.includes(person.user_id) ?? false)}
              manage={me.tutor}
              onRemove={setRemoving}
            />
          ))}
        </ul>
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={t('classroom.people.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('classroom.people.removeConfirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) act({ type: 'remove', user_id: removing.user_id })
          setRemoving(null)
        }}
      >
        {t('classroom.people.removeBody')}
      </ConfirmDialog>
    </div>
  )
}
