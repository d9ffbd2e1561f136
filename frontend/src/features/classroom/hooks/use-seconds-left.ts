import { useEffect, useState } from 'react'

/** Whole seconds until `endsAt` (never below zero), ticking once a second while shown. */
export function useSecondsLeft(endsAt: string): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const end = Date.parse(endsAt)
  return Number.isNaN(end) ? 0 : Math.max(0, Math.ceil((end - now) / 1000))
}
