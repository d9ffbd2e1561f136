import { useAuth } from '@/lib/auth/auth-context'

import { tutorTimeZone } from './due-date'

/** The signed-in tutor's profile time zone, in which due dates are typed and shown. */
export function useTutorTimeZone(): string {
  const { user } = useAuth()
  return tutorTimeZone(user?.timezone)
}
