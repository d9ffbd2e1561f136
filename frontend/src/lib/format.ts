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

/** A video position as a clock: 75 → "1:15", 3725 → "1:02:05". */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

/** Bytes in the UI language's conventions: "820 KB", "12.5 MB". */
export function formatFileSize(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = Math.max(0, bytes)
  let index = 0
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024
    index += 1
  }
  return new Intl.NumberFormat(localeOf(language), {
    style: 'unit',
    unit: units[index],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && index > 0 ? 1 : 0,
  }).format(value)
}

/** Whole hours and minutes of a duration; anything under a minute counts as one. */
export function splitDuration(totalSeconds: number): { hours: number; minutes: number } {
  const minutes = totalSeconds > 0 ? Math.max(1, Math.round(totalSeconds / 60)) : 0
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 }
}
