import { useEffect, useState } from 'react'

/** How often class cards look at the clock again ("opens in 25 min", the Enter button). */
export const CLOCK_TICK_MS = 30_000

/** The current time, moving on every `everyMs`, so what depends on it changes without a reload. */
export function useNow(everyMs: number = CLOCK_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
