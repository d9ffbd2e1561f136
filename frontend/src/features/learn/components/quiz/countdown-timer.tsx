import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { formatClock } from '@/lib/format'

import { useCountdown } from './use-countdown'

/**
 * The time left, as a `timer` (which screen readers do not read out on every tick) plus a
 * polite announcement at 5 minutes and 1 minute left.
 */
export function CountdownTimer({ deadline, onExpire }: { deadline: number; onExpire: () => void }) {
  const { t } = useTranslation()
  const { secondsLeft, announcement } = useCountdown(deadline, onExpire)
  const urgent = secondsLeft <= 60
  return (
    <div className="flex items-center gap-2">
      <span className="text-sm text-slate-700" aria-hidden="true">
        {t('quizzes.take.timeLeft')}
      </span>
      <span
        role="timer"
        aria-label={t('quizzes.take.timeLeft')}
        className={cn(
          'rounded-md px-2 py-1 font-mono text-lg font-semibold tabular-nums',
          urgent ? 'bg-red-50 text-red-800' : 'bg-slate-100 text-slate-900',
        )}
      >
        <bdi dir="ltr">{formatClock(secondsLeft)}</bdi>
      </span>
      <p aria-live="polite" className="sr-only">
        {announcement === 300 && t('quizzes.take.fiveMinutesLeft')}
        {announcement === 60 && t('quizzes.take.oneMinuteLeft')}
      </p>
    </div>
  )
}
