/**
 * Wall-clock arithmetic in a named time zone. The scheduling API reads a time without an offset in
 * the caller's own zone, so the form works in "YYYY-MM-DD" dates and "HH:MM" times on that clock.
 */

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** `zone` when the browser knows it, else undefined (format in the device's zone). */
export function knownTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

/** The zone the server reads a tutor's offset-less times in: their profile's, or UTC without one. */
export function schedulingTimeZone(zone: string | null | undefined): string {
  return knownTimeZone(zone) ?? 'UTC'
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const partFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let formatter = partFormatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    partFormatters.set(key, formatter)
  }
  return formatter
}

/** The wall clock in `timeZone` at `instant` (ms since the epoch). */
export function wallClockAt(instant: number, timeZone: string | undefined): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute') }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** "YYYY-MM-DD" of `instant` on the clock of `timeZone`. */
export function dateKeyAt(instant: number, timeZone: string | undefined): string {
  const clock = wallClockAt(instant, timeZone)
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`
}

/** "HH:MM" of `instant` on the clock of `timeZone`. */
export function timeKeyAt(instant: number, timeZone: string | undefined): string {
  const clock = wallClockAt(instant, timeZone)
  return `${pad(clock.hour)}:${pad(clock.minute)}`
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_PATTERN = /^(\d{2}):(\d{2})$/

/** A real calendar date "YYYY-MM-DD" → its UTC midnight, or null. */
function parseDate(dateKey: string): number | null {
  const match = DATE_PATTERN.exec(dateKey)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const utc = Date.UTC(year, month - 1, day)
  const check = new Date(utc)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return utc
}

export function isDateKey(value: string): boolean {
  return parseDate(value) !== null
}

export function isTimeKey(value: string): boolean {
  const match = TIME_PATTERN.exec(value)
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60
}

/** The year of a valid "YYYY-MM-DD". */
export function yearOf(dateKey: string): number {
  return Number(dateKey.slice(0, 4))
}

/** Day of the week of a date, Monday = 0 … Sunday = 6 (as the API counts). */
export function weekdayOf(dateKey: string): number {
  const utc = parseDate(dateKey)
  if (utc === null) return -1
  return (new Date(utc).getUTCDay() + 6) % 7
}

export function addDays(dateKey: string, days: number): string {
  const utc = parseDate(dateKey)
  if (utc === null) return dateKey
  const date = new Date(utc + days * DAY)
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/**
 * The instant a wall-clock date and time names in `timeZone` (ms since the epoch), or null for
 * malformed input. Times skipped by a clock change resolve to the moment just after it.
 */
export function instantOf(dateKey: string, timeKey: string, timeZone: string): number | null {
  const day = parseDate(dateKey)
  if (day === null || !isTimeKey(timeKey)) return null
  const [hour, minute] = timeKey.split(':').map(Number) as [number, number]
  const wanted = day + hour * 60 * MINUTE + minute * MINUTE
  const offsetAt = (instant: number) => {
    const clock = wallClockAt(instant, timeZone)
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) - instant
  }
  let guess = wanted - offsetAt(wanted)
  // A second pass settles guesses that crossed a clock change.
  guess = wanted - offsetAt(guess)
  return guess
}
