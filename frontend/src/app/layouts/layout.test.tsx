import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { getAuthSnapshot } from '@/lib/auth/session-store'
import { buildSession } from '@/testing/factories'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, signedIn } from '@/testing/routes'

describe('site layout', () => {
  it('has a skip link and moves focus to the new page heading after navigation', async () => {
    mockFetch([anonymous])
    const { user } = renderApp('/')

    expect(await screen.findByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    await user.click(within(nav).getByRole('link', { name: 'Log in' }))

    const heading = await screen.findByRole('heading', { level: 1, name: 'Log in' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(document.title).toBe('Log in · Ustad')
  })

  it('toggles the mobile menu', async () => {
    mockFetch([anonymous])
    const { user } = renderApp('/')

    const toggle = await screen.findByRole('button', { name: 'Menu' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')

    await user.tab()
    await user.keyboard('{Escape}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
  })

  it('logs out: tells the server, forgets the session and goes home', async () => {
    const api = mockFetch([
      ...signedIn(buildSession()),
      { method: 'GET', path: '/api/v1/tutors', handler: () => json({ count: 0, next: null, previous: null, results: [] }) },
      { method: 'GET', path: '/api/v1/subjects', handler: () => json([]) },
      { method: 'POST', path: '/api/v1/auth/logout', handler: () => new Response(null, { status: 204 }) },
    ])
    const { user, router } = renderApp('/tutors')

    await user.click(await screen.findByRole('button', { name: 'Log out' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(api.calls('POST', '/api/v1/auth/logout')).toHaveLength(1)
    expect(getAuthSnapshot().status).toBe('anonymous')
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Sign up')
  })

  it('shows a 404 page for unknown routes', async () => {
    mockFetch([anonymous])
    renderApp('/no/such/page')

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/')
  })
})
