import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../api/get-session'
import { useClockTime } from '../hooks/use-clock-time'

/** Students may come in 10 minutes before the start, tutors an hour before (as the server decides). */
const EARLY_MINUTES = { student: 10, tutor: 60 }
const TICK_MS = 15_000

/**
 * When the room is not open yet: the time it opens, counting down, and a fresh attempt to enter once it
 * is open, so a student who came early only has to wait on this page.
 */
export function OpensSoon({ sessionId, onOpen }: { sessionId: string; onOpen?: () => void }) {
  const { t } = useTranslation()
  const clock = useClockTime()
  const { data } = useSession(sessionId)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])
  const early = data?.viewer.can_manage ? EARLY_MINUTES.tutor : EARLY_MINUTES.student
  const opensAt = data ? Date.parse(data.starts_at) - early * 60_000 : null
  const open = opensAt !== null && now >= opensAt
  // Try again only once the opening time passed on this page: if the server still says "too early" to a
  // clock that is ahead of its own, the card stays put instead of knocking again and again.
  const [waited, setWaited] = useState(false)
  if (opensAt !== null && !open && !waited) setWaited(true)
  useEffect(() => {
    if (open && waited) onOpen?.()
  }, [open, waited, onOpen])
  if (opensAt === null || open) return null
  return (
    <p className="font-medium text-slate-900" role="status">
      {t('classroom.closed.opensAt', {
        time: clock(new Date(opensAt).toISOString()),
        minutes: Math.max(1, Math.ceil((opensAt - now) / 60_000)),
      })}
    </p>
  )
}
