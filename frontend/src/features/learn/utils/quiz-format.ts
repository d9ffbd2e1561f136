import { localeOf } from '@/lib/i18n'

/** A score percentage from the API ("70.00", 60) in the UI language: "70%", "66.7%". */
export function formatPercent(value: string | number, language: string): string {
  const number = typeof value === 'number' ? value : Number.parseFloat(value)
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    (Number.isFinite(number) ? number : 0) / 100,
  )
}

/** A moment of an attempt in the UI language and the viewer's own time zone (the browser's if unknown). */
export function formatAttemptDate(iso: string, language: string, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
  try {
    return new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone }).format(new Date(iso))
  } catch {
    // An unknown time zone name: fall back to the browser's.
    return new Intl.DateTimeFormat(localeOf(language), options).format(new Date(iso))
  }
}
