import { localeOf } from '@/lib/i18n'

/** A decimal from the server ("85.00", "72.50") as the UI language writes it: "85", "72.5". */
export function formatScore(value: string, language: string): string {
  const number = Number(value)
  if (!Number.isFinite(number)) return value
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(number)
}
