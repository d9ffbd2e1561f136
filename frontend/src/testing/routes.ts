import type { Session } from '@/api/types'

import { apiError, json, type Route } from './fetch-mock'
import { SUBJECTS } from './factories'

/** The start-up refresh fails: nobody is signed in. */
export const anonymous: Route = {
  method: 'POST',
  path: '/api/v1/auth/refresh',
  handler: () => apiError(401, 'not_authenticated', 'Authentication credentials were not provided.'),
}

/** The start-up refresh restores `session`. */
export function signedIn(session: Session): Route[] {
  return [
    { method: 'POST', path: '/api/v1/auth/refresh', handler: () => json(session) },
    { method: 'POST', path: '/api/v1/ws-ticket', handler: () => json({ ticket: 't-1', expires_in: 30 }) },
  ]
}

export const subjects: Route = {
  method: 'GET',
  path: '/api/v1/subjects',
  handler: () => json(SUBJECTS),
}
