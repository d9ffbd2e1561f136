import { useAuth } from '@/lib/auth/auth-context'

import { knownTimeZone, schedulingTimeZone } from '../utils/zoned-time'

/** The zone class times are shown in: the viewer's profile zone, else the device's (undefined). */
export function useViewerTimeZone(): string | undefined {
  const { user } = useAuth()
  return knownTimeZone(user?.timezone)
}

/** The zone the server reads the signed-in tutor's offset-less times in (their profile's, else UTC). */
export function useSchedulingTimeZone(): string {
  const { user } = useAuth()
  return schedulingTimeZone(user?.timezone)
}
