import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { formatClock } from '@/lib/format'

import { useSecondsLeft } from '../../hooks/use-seconds-left'

/**
 * Time left in the breakout round. The clock itself is not a live region (it would talk every second);
 * one polite announcement comes when a minute is left.
 */
export function Countdown({ endsAt, tutor }: { endsAt: string; tutor: boolean }) {
  const { t } = useTranslation()
  const left = useSecondsLeft(endsAt)
  return (
    <>
      {left > 0 ? (
        <p className={cn('font-semibold tabular-nums', left <= 60 ? 'text-red-800' : 'text-slate-900')}>
          {t('classroom.breakout.timeLeft', { time: formatClock(left) })}
        </p>
      ) : (
        <p className="font-semibold text-red-800">
          {tutor ? t('classroom.breakout.timeUp') : t('classroom.breakout.timeUpStudent')}
        </p>
      )}
      <span role="status" className="sr-only">
        {left > 0 && left <= 60 ? t('classroom.announce.minuteLeft') : ''}
      </span>
    </>
  )
}
