import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup } from '@/components/ui/field'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { PollView } from '../../utils/engagement-state'

/** A student's ballot: one radio per option, or checkboxes when several answers are allowed. */
export function PollVoteForm({
  poll,
  onVoted,
  onCancel,
}: {
  poll: PollView
  onVoted: () => void
  /** Offered when changing a vote already cast. */
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const [chosen, setChosen] = useState<string[]>(poll.mine)
  const [error, setError] = useState<string | null>(null)

  const toggle = (optionId: string, checked: boolean) => {
    setError(null)
    if (!poll.multiple) setChosen([optionId])
    else setChosen((ids) => (checked ? [...ids, optionId] : ids.filter((id) => id !== optionId)))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (chosen.length === 0) {
      setError(t('classroom.polls.pickFirst'))
      return
    }
    // Options keep the poll's order, whatever order they were ticked in.
    const optionIds = poll.options.map((o) => o.id).filter((id) => chosen.includes(id))
    if (act({ type: 'poll.vote', poll_id: poll.id, option_ids: optionIds })) onVoted()
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <ChoiceGroup
        legend={poll.multiple ? t('classroom.polls.chooseSeveral') : t('classroom.polls.chooseOne')}
        error={error}
      >
        {poll.options.map((option) => (
          <Choice
            key={option.id}
            type={poll.multiple ? 'checkbox' : 'radio'}
            name={`poll-${poll.id}`}
            value={option.id}
            label={option.text}
            checked={chosen.includes(option.id)}
            onChange={(event) => toggle(option.id, event.target.checked)}
          />
        ))}
      </ChoiceGroup>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t('classroom.polls.vote')}</Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('classroom.polls.keepVote')}
          </Button>
        )}
      </div>
    </form>
  )
}
