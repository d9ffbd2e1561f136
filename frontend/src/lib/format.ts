import { localeOf } from '@/lib/i18n'

/** Money arrives in minor units (paisa, cents); shows it in the UI language's conventions. */
export function formatMoney(minorUnits: number, currency: string, language: string): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency,
    maximumFractionDigits: minorUnits % 100 === 0 ? 0 : 2,
    minimumFractionDigits: minorUnits % 100 === 0 ? 0 : 2,
  }).format(minorUnits / 100)
}

/** "Ayesha Khan" → "AK"; works for any script. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters
    .map((part) => Array.from(part ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase()
}

/** Major units typed by a person ("2,500.50") → minor units (250050); null for empty input. */
export function toMinorUnits(input: string): number | null | 'invalid' {
  const cleaned = input.replace(/[\s,]/g, '')
  if (cleaned === '') return null
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return 'invalid'
  return Math.round(Number(cleaned) * 100)
}

/** Minor units → the text to put back in an input ("2500", "2500.5"). */
export function fromMinorUnits(minorUnits: number | null | undefined): string {
  if (minorUnits === null || minorUnits === undefined) return ''
  return String(minorUnits / 100)
}
