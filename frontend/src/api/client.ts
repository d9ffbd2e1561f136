import createClient from 'openapi-fetch'

import { authFetch } from '@/lib/auth/auth-fetch'

import type { paths } from './schema'

/**
 * Typed client for the Ustad REST API. Paths and bodies come from the
 * generated `schema.d.ts` (`npm run gen:api`). Requests go to the page's own
 * origin (Django serves the SPA and the API together; Vite proxies in dev).
 */
export const apiClient = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  fetch: (request: Request) => authFetch(request),
})
