import { localeOf } from '@/lib/i18n'

/**
 * Due dates are typed and shown in the tutor's profile time zone, the one the server reads a date
 * without an offset in ("Friday 17:00" means 17:00 where the tutor lives, not UTC).
 */
export function tutorTimeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return 'UTC'
  }
}

/** An instant as the `YYYY-MM-DDTHH:MM` a `datetime-local` input shows, on the clock of `timeZone`. */
export function toZonedInput(iso: string | null, timeZone: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`
}

/** Date and time in the reader's language, on the clock of `timeZone`, with the zone named. */
export function formatDateTime(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso))
}
