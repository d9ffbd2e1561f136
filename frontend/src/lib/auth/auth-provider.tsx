import { useEffect, useSyncExternalStore, type ReactNode } from 'react'

import { AuthContext } from './auth-context'
import { getAuthSnapshot, restoreSession, subscribeAuth } from './session-store'

/**
 * Publishes the in-memory session to React and restores it from the refresh
 * cookie on start-up. `fallback` is shown until we know whether anyone is
 * signed in.
 */
export function AuthProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const snapshot = useSyncExternalStore(subscribeAuth, getAuthSnapshot, getAuthSnapshot)

  useEffect(() => {
    void restoreSession()
  }, [])

  return (
    <AuthContext value={snapshot}>{snapshot.status === 'loading' ? fallback : children}</AuthContext>
  )
}
