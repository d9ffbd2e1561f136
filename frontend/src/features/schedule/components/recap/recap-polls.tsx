import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'

import type { RecapPoll } from '../../api/types'
import { pollOptions, pollPercent } from '../../utils/recap'
import { RecapSection } from './recap-section'

/** One poll's results: each option's count and share in words, a bar beside it, the viewer's choice marked. */
function PollCard({ poll, voter }: { poll: RecapPoll; voter: boolean }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <li>
      <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={headingId} className="min-w-0 font-semibold break-words text-slate-900" dir="auto">
            {poll.question}
          </h3>
          <Badge tone={poll.status === 'open' ? 'brand' : 'neutral'}>
            {poll.status === 'open' ? t('schedule.recap.polls.open') : t('schedule.recap.polls.closed')}
          </Badge>
        </div>
        {poll.multiple && <p className="text-sm text-slate-700">{t('schedule.recap.polls.several')}</p>}
        <ul aria-label={t('schedule.recap.polls.results', { question: poll.question })} className="space-y-3">
          {pollOptions(poll).map((option) => {
            const count = poll.results[option.id] ?? 0
            const percent = pollPercent(poll, option.id)
            const mine = poll.mine.includes(option.id)
            return (
              <li key={option.id} className="space-y-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <span className="flex min-w-0 flex-wrap items-center gap-2 font-medium break-words text-slate-900">
                    <span dir="auto">{option.text}</span>
                    {mine && (
                      <Badge tone="brand">
                        <span aria-hidden="true">✓</span>
                        {t('schedule.recap.polls.yourChoice')}
                      </Badge>
                    )}
                  </span>
                  <span className="text-sm text-slate-700 tabular-nums">
                    {t('schedule.recap.polls.result', {
                      votes: t('schedule.recap.polls.votes', { count }),
                      percent,
                    })}
                  </span>
                </div>
                <div aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-200">
                  <div className={mine ? 'h-full bg-brand-700' : 'h-full bg-slate-500'} style={{ width: `${percent}%` }} />
                </div>
              </li>
            )
          })}
        </ul>
        <p className="text-sm text-slate-700">
          {poll.votes > 0 ? t('schedule.recap.polls.total', { count: poll.votes }) : t('schedule.recap.polls.noVotes')}
          {voter && poll.votes > 0 && poll.mine.length === 0 && <> {t('schedule.recap.polls.youDidNotVote')}</>}
        </p>
      </article>
    </li>
  )
}

/** Every poll of the class with its results. `voter`: the viewer is a student, who could vote. */
export function RecapPolls({ polls, voter }: { polls: readonly RecapPoll[]; voter: boolean }) {
  const { t } = useTranslation()
  return (
    <RecapSection title={t('schedule.recap.polls.heading')}>
      {polls.length === 0 ? (
        <EmptyState title={t('schedule.recap.polls.empty')} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {polls.map((poll) => (
            <PollCard key={poll.id} poll={poll} voter={voter} />
          ))}
        </ul>
      )}
    </RecapSection>
  )
}
