import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'
import { buildSession, buildUser } from '@/testing/factories'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'

import {
  getAccessToken,
  getAuthSnapshot,
  refreshSession,
  resetSessionForTests,
  restoreSession,
  SESSION_HINT_COOKIE,
  startSession,
} from './session-store'

function bearer(request: Request) {
  return request.headers.get('Authorization')
}

describe('session refresh', () => {
  beforeEach(() => {
    resetSessionForTests('authenticated')
    startSession(buildSession({ access: 'old-token' }))
  })

  afterEach(() => {
    resetSessionForTests()
  })

  it('refreshes once for concurrent 401s and retries each call with the new token', async () => {
    let releaseRefresh: () => void = () => {}
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve
    })
    const api = mockFetch([
      {
        method: 'POST',
        path: '/api/v1/auth/refresh',
        handler: async () => {
          await refreshGate
          return json(buildSession({ access: 'new-token' }))
        },
      },
      {
        method: 'GET',
        path: '/api/v1/me',
        handler: (request) =>
          bearer(request) === 'Bearer new-token'
            ? json(buildUser())
            : apiError(401, 'not_authenticated', 'Token expired.'),
      },
      {
        method: 'POST',
        path: '/api/v1/ws-ticket',
        handler: (request) =>
          bearer(request) === 'Bearer new-token'
            ? json({ ticket: 'abc', expires_in: 30 })
            : apiError(401, 'not_authenticated', 'Token expired.'),
      },
    ])

    const calls = Promise.all([
      unwrap(apiClient.GET('/api/v1/me')),
      unwrap(apiClient.GET('/api/v1/me')),
      unwrap(apiClient.POST('/api/v1/ws-ticket')),
    ])
    await vi.waitFor(() => expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1))
    releaseRefresh()
    const [me1, me2, ticket] = await calls

    expect(me1.email).toBe('ayesha@example.pk')
    expect(me2.email).toBe('ayesha@example.pk')
    expect(ticket.ticket).toBe('abc')
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1)
    expect(getAccessToken()).toBe('new-token')
    const retried = api.calls('GET', '/api/v1/me').filter((r) => bearer(r) === 'Bearer new-token')
    expect(retried).toHaveLength(2)
  })

  it('does not refresh again when a newer token already arrived', async () => {
    const api = mockFetch([
      { method: 'POST', path: '/api/v1/auth/refresh', handler: () => json(buildSession({ access: 'x' })) },
    ])
    startSession(buildSession({ access: 'newer-token' }))

    await expect(refreshSession({ staleToken: 'old-token' })).resolves.toBe(true)
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(0)
  })

  it('drops to anonymous when the refresh is refused', async () => {
    const api = mockFetch([
      {
        method: 'POST',
        path: '/api/v1/auth/refresh',
        handler: () => apiError(401, 'not_authenticated', 'Refresh token expired.'),
      },
      {
        method: 'GET',
        path: '/api/v1/me',
        handler: () => apiError(401, 'not_authenticated', 'Token expired.'),
      },
    ])

    const results = await Promise.allSettled([
      unwrap(apiClient.GET('/api/v1/me')),
      unwrap(apiClient.GET('/api/v1/me')),
    ])

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1)
    expect(getAuthSnapshot()).toEqual({ status: 'anonymous', user: null })
    expect(getAccessToken()).toBeNull()
  })

  it('refreshes on its own shortly before the access token expires', async () => {
    vi.useFakeTimers()
    const api = mockFetch([
      {
        method: 'POST',
        path: '/api/v1/auth/refresh',
        handler: () => json(buildSession({ access: 'scheduled-token', access_expires_in: 300 })),
      },
    ])
    startSession(buildSession({ access: 'short-token', access_expires_in: 300 }))

    await vi.advanceTimersByTimeAsync(239_000)
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1)
    await vi.waitFor(() => expect(getAccessToken()).toBe('scheduled-token'))
  })

  it('keeps the access token in memory only, never in web storage', () => {
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('old-token')
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('old-token')
    expect(getAccessToken()).toBe('old-token')
  })
})

describe('restoring the session on start-up', () => {
  afterEach(() => {
    resetSessionForTests()
  })

  it('does not ask the server when this browser has no session hint', async () => {
    document.cookie = `${SESSION_HINT_COOKIE}=; max-age=0; path=/`
    resetSessionForTests('loading')
    const api = mockFetch([])
    await expect(restoreSession()).resolves.toBe(false)
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(0)
    expect(getAuthSnapshot()).toEqual({ status: 'anonymous', user: null })
  })

  it('exchanges the refresh cookie when the hint says there is one', async () => {
    resetSessionForTests('loading')
    const api = mockFetch([
      { method: 'POST', path: '/api/v1/auth/refresh', handler: () => json(buildSession({ access: 'restored' })) },
    ])
    await expect(restoreSession()).resolves.toBe(true)
    expect(api.calls('POST', '/api/v1/auth/refresh')).toHaveLength(1)
    expect(getAccessToken()).toBe('restored')
  })
})
