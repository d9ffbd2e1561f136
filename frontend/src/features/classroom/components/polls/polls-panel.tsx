import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { useAdmittedRoom } from '../../hooks/room-context'
import { PollCard } from './poll-card'
import { PollForm } from './poll-form'

/** The Polls tab: tutors start polls; everyone sees open polls first, then closed ones with final results. */
export function PollsPanel() {
  const { t } = useTranslation()
  const { state, me } = useAdmittedRoom()
  const closedId = useId()
  // Newest first within each group.
  const open = state.polls.filter((poll) => poll.status === 'open').reverse()
  const closed = state.polls.filter((poll) => poll.status !== 'open').reverse()

  return (
    <div className="space-y-6">
      {me.tutor && <PollForm />}
      {state.polls.length === 0 ? (
        <p className="py-4 text-center text-slate-600">
          {me.tutor ? t('classroom.polls.empty') : t('classroom.polls.emptyStudent')}
        </p>
      ) : (
        <>
          {open.length > 0 && (
            <ul aria-label={t('classroom.polls.list')} className="space-y-4">
              {open.map((poll) => (
                <li key={poll.id}>
                  <PollCard poll={poll} />
                </li>
              ))}
            </ul>
          )}
          {closed.length > 0 && (
            <section aria-labelledby={closedId} className="space-y-3">
              <h2 id={closedId} className="font-semibold text-slate-900">
                {t('classroom.polls.closedHeading')}
              </h2>
              <ul className="space-y-4">
                {closed.map((poll) => (
                  <li key={poll.id}>
                    <PollCard poll={poll} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  )
}
