import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { formatMoney } from '@/lib/format'

/** "Free", or the price from minor units in the UI language ("Rs 2,500"). */
export function CoursePrice({
  amount,
  currency,
  className,
}: {
  amount: number
  currency: string
  className?: string
}) {
  const { t, i18n } = useTranslation()
  return (
    <span className={cn('font-semibold text-slate-900', className)}>
      {amount === 0 ? t('courses.free') : formatMoney(amount, currency, i18n.language)}
    </span>
  )
}
