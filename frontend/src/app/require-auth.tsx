import { Navigate, Outlet, useLocation } from 'react-router'

import { useAuth } from '@/lib/auth/auth-context'

/** Routes below need a session; anyone else goes to `/login?next=<here>`. */
export function RequireAuth() {
  const { status } = useAuth()
  const location = useLocation()
  if (status !== 'authenticated') {
    const next = `${location.pathname}${location.search}${location.hash}`
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />
  }
  return <Outlet />
}
