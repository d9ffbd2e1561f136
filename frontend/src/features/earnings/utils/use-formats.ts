import { useMemo } from 'react'

import { localeOf } from '@/lib/i18n'
import { formatMoney } from '@/lib/format'

import { useEarningsT } from '../i18n'

/** Money and dates in the UI language's conventions. */
export function useFormats() {
  const { language } = useEarningsT()
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' })
    const moment = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' })
    const count = new Intl.NumberFormat(localeOf(language))
    return {
      money: (amount: number, currency: string) => formatMoney(amount, currency, language),
      date: (iso: string) => day.format(new Date(iso)),
      dateTime: (iso: string) => moment.format(new Date(iso)),
      count: (value: number) => count.format(value),
    }
  }, [language])
}
