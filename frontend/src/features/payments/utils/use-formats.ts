import { formatMoney } from '@/lib/format'
import { localeOf } from '@/lib/i18n'

import { usePaymentsTranslation } from '../i18n'

/** Money and dates in the UI language. */
export function useFormats() {
  const { i18n } = usePaymentsTranslation()
  const language = i18n.language
  const dates = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' })
  return {
    money: (amount: number, currency: string) => formatMoney(amount, currency, language),
    date: (iso: string) => dates.format(new Date(iso)),
  }
}
