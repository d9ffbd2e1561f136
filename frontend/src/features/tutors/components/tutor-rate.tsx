import { useTranslation } from 'react-i18next'

import { formatMoney } from '@/lib/format'

/** "Rs 2,500 / hour" in the UI language, or "Rate on request". */
export function TutorRate({
  hourlyRate,
  currency,
}: {
  hourlyRate: number | null | undefined
  currency: string
}) {
  const { t, i18n } = useTranslation()
  if (hourlyRate === null || hourlyRate === undefined) {
    return <span className="text-slate-700">{t('tutors.rateOnRequest')}</span>
  }
  return (
    <span className="font-semibold text-slate-900">
      {t('tutors.perHour', { price: formatMoney(hourlyRate, currency, i18n.language) })}
    </span>
  )
}
