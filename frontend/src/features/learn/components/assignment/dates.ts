import { useEffect, useState } from 'react'

import { useAuth } from '@/lib/auth/auth-context'
import { localeOf } from '@/lib/i18n'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function validTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}

/** The time zone in the viewer's profile, else the device's. */
export function useViewerTimeZone(): string | undefined {
  const { user } = useAuth()
  return validTimeZone(user?.timezone)
}

/** The current time, moving on every minute so "due in …" and the deadline itself stay true. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE)
    return () => clearInterval(timer)
  }, [])
  return now
}

/** "Friday, 13 March 2026 at 5:00 pm PKT" in the UI language, in `timeZone`. */
export function formatDateTime(iso: string, language: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(iso))
}

/** "in 3 days", "2 hours ago", "tomorrow" in the UI language. */
export function formatRelative(iso: string, now: number, language: string): string {
  const diff = Date.parse(iso) - now
  const size = Math.abs(diff)
  const format = new Intl.RelativeTimeFormat(localeOf(language), { numeric: 'auto' })
  if (size < HOUR) return format.format(Math.round(diff / MINUTE), 'minute')
  if (size < DAY) return format.format(Math.round(diff / HOUR), 'hour')
  if (size < 60 * DAY) return format.format(Math.round(diff / DAY), 'day')
  return format.format(Math.round(diff / (30 * DAY)), 'month')
}
