import '@testing-library/jest-dom/vitest'
import '@/lib/i18n'

import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'

import { resetSessionForTests, SESSION_HINT_COOKIE } from '@/lib/auth/session-store'
import { i18n, LANGUAGE_STORAGE_KEY } from '@/lib/i18n'
import { clearNoticesForTests } from '@/lib/notices'

import { FakeWebSocket } from './fake-websocket'

// Lazily loaded routes can take seconds to import on a busy two-core CI machine; waits (findBy…, waitFor)
// allow for that instead of failing at Testing Library's default one second.
configure({ asyncUtilTimeout: 5000 })

beforeEach(async () => {
  FakeWebSocket.reset()
  vi.stubGlobal('WebSocket', FakeWebSocket)
  window.localStorage.removeItem(LANGUAGE_STORAGE_KEY)
  // As in a browser that has logged in before: start-up tries the refresh cookie.
  document.cookie = `${SESSION_HINT_COOKIE}=1; path=/`
  await i18n.changeLanguage('en')
})

afterEach(() => {
  cleanup()
  document.cookie = `${SESSION_HINT_COOKIE}=; max-age=0; path=/`
  resetSessionForTests()
  clearNoticesForTests()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})
