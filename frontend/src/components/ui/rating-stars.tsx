import { useTranslation } from 'react-i18next'

import { cn } from './cn'

const STAR = 'M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9z'

/** Five stars filled to `value` (0–5), read out as "Rated 4.5 out of 5". */
export function RatingStars({
  value,
  className,
  size = 'md',
}: {
  value: number
  className?: string
  size?: 'sm' | 'md'
}) {
  const { t } = useTranslation()
  const clamped = Math.max(0, Math.min(5, value))
  const rounded = Math.round(clamped * 10) / 10
  return (
    <span
      role="img"
      aria-label={t('courses.ratedOutOf', { rating: rounded })}
      className={cn('relative inline-flex shrink-0', className)}
    >
      <span className="flex text-slate-300" aria-hidden="true">
        {Array.from({ length: 5 }, (_, index) => (
          <svg key={index} viewBox="0 0 24 24" className={size === 'sm' ? 'size-4' : 'size-5'}>
            <path d={STAR} fill="currentColor" />
          </svg>
        ))}
      </span>
      <span
        className="absolute inset-y-0 start-0 flex overflow-hidden text-accent-700"
        style={{ width: `${(clamped / 5) * 100}%` }}
        aria-hidden="true"
      >
        {Array.from({ length: 5 }, (_, index) => (
          <svg key={index} viewBox="0 0 24 24" className={cn('shrink-0', size === 'sm' ? 'size-4' : 'size-5')}>
            <path d={STAR} fill="currentColor" />
          </svg>
        ))}
      </span>
    </span>
  )
}
