import { useAuth } from '@/lib/auth/auth-context'

/** The signed-in account is an admin (`role` on `/me`); the API checks again on every call. */
export function useIsAdmin(): boolean {
  return useAuth().user?.role === 'admin'
}
