import { createContext, useContext } from 'react'

import type { AuthSnapshot } from './session-store'

export const AuthContext = createContext<AuthSnapshot | null>(null)

/** The current session: `{status, user}`. Must be used under `AuthProvider`. */
export function useAuth(): AuthSnapshot {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth must be used within AuthProvider')
  return value
}
