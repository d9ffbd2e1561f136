import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { PollView } from '../../utils/engagement-state'
import { PollResults } from './poll-results'
import { PollVoteForm } from './poll-vote-form'

/**
 * One poll. Tutors always see the live results and may close an open poll. Students vote first, then see
 * the results (and may change their vote while the poll is open); everyone sees a closed poll's results.
 */
export function PollCard({ poll }: { poll: PollView }) {
  const { t } = useTranslation()
  const { me, act } = useAdmittedRoom()
  const headingId = useId()
  const [changing, setChanging] = useState(false)
  const [justVoted, setJustVoted] = useState(false)
  const votedNote = useRef<HTMLParagraphElement>(null)
  const open = poll.status === 'open'
  const voted = poll.mine.length > 0
  const voting = !me.tutor && open && (!voted || changing)

  // The ballot disappears once cast: carry focus to the confirmation rather than losing it.
  useEffect(() => {
    if (justVoted && !voting) votedNote.current?.focus()
  }, [justVoted, voting])

  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0 font-semibold break-words text-slate-900">
          {poll.question}
        </h3>
        <Badge tone={open ? 'brand' : 'neutral'}>{open ? t('classroom.polls.open') : t('classroom.polls.closed')}</Badge>
      </div>
      {poll.multiple && <p className="text-sm text-slate-700">{t('classroom.polls.several')}</p>}
      {voting ? (
        <PollVoteForm
          poll={poll}
          onVoted={() => {
            setChanging(false)
            setJustVoted(true)
          }}
          onCancel={voted ? () => setChanging(false) : undefined}
        />
      ) : (
        <PollResults poll={poll} showMine={!me.tutor} />
      )}
      {!me.tutor && open && !voting && (
        <div className="space-y-2">
          <p ref={votedNote} tabIndex={-1} className="text-sm text-slate-700">
            {t('classroom.polls.voted')}
          </p>
          <Button size="sm" variant="secondary" onClick={() => setChanging(true)}>
            {t('classroom.polls.changeVote')}
          </Button>
        </div>
      )}
      {me.tutor && open && (
        <Button variant="secondary" onClick={() => act({ type: 'poll.close', poll_id: poll.id })}>
          {t('classroom.polls.close')}
        </Button>
      )}
    </article>
  )
}
