import { useEffect, useEffectEvent, useState } from 'react'

import { crossedAnnouncement, secondsUntil, type AnnounceAt } from '../../utils/quiz-countdown'

const TICK_MS = 250

/**
 * Seconds left until `deadline` (a moment on this device's clock), re-read from the clock on
 * every tick so a throttled background tab still shows the right time when it comes back.
 * `onExpire` runs once when it reaches zero; `announcement` is the last announced moment.
 */
export function useCountdown(deadline: number, onExpire: () => void) {
  const [secondsLeft, setSecondsLeft] = useState(() => secondsUntil(deadline, Date.now()))
  const [announcement, setAnnouncement] = useState<AnnounceAt | null>(null)
  const expire = useEffectEvent(onExpire)

  useEffect(() => {
    let last = secondsUntil(deadline, Date.now())
    let expired = false
    const tick = () => {
      if (expired) return
      const left = secondsUntil(deadline, Date.now())
      const crossed = crossedAnnouncement(last, left)
      last = left
      setSecondsLeft(left)
      if (crossed !== null) setAnnouncement(crossed)
      if (left === 0) {
        expired = true
        expire()
      }
    }
    const timer = window.setInterval(tick, TICK_MS)
    document.addEventListener('visibilitychange', tick)
    if (last === 0) tick()
    return () => {
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
    }
  }, [deadline])

  return { secondsLeft, announcement }
}
