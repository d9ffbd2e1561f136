import { useTranslation } from 'react-i18next'

import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../../hooks/room-context'

/** Tutors let students in from here, or turn them away. */
export function WaitingList() {
  const { t } = useTranslation()
  const { state, act } = useAdmittedRoom()
  return (
    <section aria-labelledby="classroom-waiting-heading" className="space-y-2">
      <h2 id="classroom-waiting-heading" className="font-semibold text-slate-900">
        {t('classroom.people.waitingHeading', { count: state.waiting.length })}
      </h2>
      {state.waiting.length === 0 ? (
        <p className="text-sm text-slate-600">{t('classroom.people.waitingEmpty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {state.waiting.map((person) => (
            <li key={person.user_id} className="flex flex-wrap items-center gap-3 py-2">
              <Avatar src={person.avatar_url} name={person.name} size="sm" />
              <p className="min-w-0 flex-1 truncate font-medium text-slate-900">{person.name}</p>
              <div className="flex gap-2">
                <Button
                  size="sm"
                  aria-label={t('classroom.people.admitName', { name: person.name })}
                  onClick={() => act({ type: 'admit', user_id: person.user_id })}
                >
                  {t('classroom.people.admit')}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={t('classroom.people.denyName', { name: person.name })}
                  onClick={() => act({ type: 'deny', user_id: person.user_id })}
                >
                  {t('classroom.people.deny')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
