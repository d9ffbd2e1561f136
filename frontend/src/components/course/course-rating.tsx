import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { RatingStars } from '@/components/ui/rating-stars'
import { localeOf } from '@/lib/i18n'

/** "4.5 ★★★★½ (12 ratings)", or "No ratings yet". */
export function CourseRating({
  average,
  count,
  className,
  size = 'md',
}: {
  average: string | number
  count: number
  className?: string
  size?: 'sm' | 'md'
}) {
  const { t, i18n } = useTranslation()
  if (count === 0) return <span className={cn('text-sm text-slate-600', className)}>{t('courses.noRatings')}</span>
  const value = Number(average) || 0
  return (
    <span className={cn('inline-flex flex-wrap items-center gap-1.5', className)}>
      <span className="font-semibold text-accent-700" aria-hidden="true">
        {new Intl.NumberFormat(localeOf(i18n.language), {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(value)}
      </span>
      <RatingStars value={value} size={size} />
      <span className="text-sm text-slate-700">{t('courses.ratingCount', { count })}</span>
    </span>
  )
}
