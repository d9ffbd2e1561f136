import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'

import { pollPercent, type PollView } from '../../utils/engagement-state'

/** Live results as bars with counts and percentages; one's own choice is marked. */
export function PollResults({ poll, showMine }: { poll: PollView; showMine: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-3">
      <ul aria-label={t('classroom.polls.results')} className="space-y-3">
        {poll.options.map((option) => {
          const count = poll.results[option.id] ?? 0
          const percent = pollPercent(poll, option.id)
          const mine = showMine && poll.mine.includes(option.id)
          return (
            <li key={option.id} className="space-y-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span className="flex min-w-0 flex-wrap items-center gap-2 font-medium break-words text-slate-900">
                  {option.text}
                  {mine && (
                    <Badge tone="brand">
                      <span aria-hidden="true">✓</span>
                      {t('classroom.polls.yourChoice')}
                    </Badge>
                  )}
                </span>
                <span className="text-sm text-slate-700 tabular-nums">
                  {t('classroom.polls.result', { votes: t('classroom.polls.votes', { count }), percent })}
                </span>
              </div>
              <div aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-slate-200">
                <div
                  className={mine ? 'h-full bg-brand-700' : 'h-full bg-slate-500'}
                  style={{ width: `${percent}%` }}
                />
              </div>
            </li>
          )
        })}
      </ul>
      <p className="text-sm text-slate-700">{t('classroom.polls.votes', { count: poll.votes })}</p>
    </div>
  )
}
