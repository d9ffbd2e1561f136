import { useTranslation } from 'react-i18next'

import { localeOf } from '@/lib/i18n'

/** Formats an issue date in the viewer's language and time zone ("12 March 2026"). */
export function useIssuedDate(): (isoDate: string) => string {
  const { i18n } = useTranslation()
  const dates = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'long' })
  return (isoDate) => dates.format(new Date(isoDate))
}
