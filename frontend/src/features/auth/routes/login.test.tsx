import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { buildSession } from '@/testing/factories'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, subjects } from '@/testing/routes'

describe('login page', () => {
  it('shows field errors beside the inputs and focuses the first one', async () => {
    const api = mockFetch([anonymous])
    const { user } = renderApp('/login')

    await user.click(await screen.findByRole('button', { name: 'Log in' }))

    const email = screen.getByLabelText('E-mail')
    const password = screen.getByLabelText('Password')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription(/Enter your e-mail address\./)
    expect(password).toHaveAccessibleDescription(/Enter your password\./)
    await waitFor(() => expect(email).toHaveFocus())
    expect(api.calls('POST', '/api/v1/auth/login')).toHaveLength(0)
  })

  it('puts server validation errors next to their field', async () => {
    mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        handler: () =>
          apiError(400, 'validation_error', 'Check the highlighted fields.', {
            email: ['Enter a valid email address.'],
          }),
      },
    ])
    const { user } = renderApp('/login')

    await user.type(await screen.findByLabelText('E-mail'), 'ayesha@example.pk')
    await user.type(screen.getByLabelText('Password'), 'secret-pass')
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByLabelText('E-mail')).toHaveAccessibleDescription(
      'Enter a valid email address.',
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Check the highlighted fields.')
  })

  it('offers to resend the verification e-mail when the address is not verified', async () => {
    const api = mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        handler: () => apiError(403, 'email_not_verified', 'E-mail not verified.'),
      },
      {
        method: 'POST',
        path: '/api/v1/auth/verify-email/resend',
        handler: () => json({ detail: 'Sent.' }, 202),
      },
    ])
    const { user } = renderApp('/login')

    await user.type(await screen.findByLabelText('E-mail'), 'ayesha@example.pk')
    await user.type(screen.getByLabelText('Password'), 'secret-pass')
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByText(/Please verify your e-mail address/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Resend verification e-mail' }))

    expect(
      await screen.findByText("We've sent a new verification link to ayesha@example.pk."),
    ).toBeInTheDocument()
    const [resend] = api.calls('POST', '/api/v1/auth/verify-email/resend')
    expect(await resend!.json()).toEqual({ email: 'ayesha@example.pk' })
  })

  it('tells how long to wait when log-in is locked', async () => {
    mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        handler: () => apiError(429, 'login_locked', 'Locked.', undefined, { 'Retry-After': '120' }),
      },
    ])
    const { user } = renderApp('/login')

    await user.type(await screen.findByLabelText('E-mail'), 'ayesha@example.pk')
    await user.type(screen.getByLabelText('Password'), 'wrong-pass')
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 120 seconds.')
  })

  it('shows one generic message for wrong credentials', async () => {
    mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        handler: () => apiError(401, 'invalid_credentials', 'Invalid e-mail or password.'),
      },
    ])
    const { user } = renderApp('/login')

    await user.type(await screen.findByLabelText('E-mail'), 'ayesha@example.pk')
    await user.type(screen.getByLabelText('Password'), 'wrong-pass')
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "That e-mail and password don't match an account.",
    )
  })

  it('signs in and returns to the page given in ?next=', async () => {
    const api = mockFetch([
      anonymous,
      subjects,
      { method: 'POST', path: '/api/v1/auth/login', handler: () => json(buildSession()) },
      { method: 'POST', path: '/api/v1/ws-ticket', handler: () => json({ ticket: 't', expires_in: 30 }) },
      { method: 'GET', path: '/api/v1/tutors', handler: () => json({ count: 0, next: null, previous: null, results: [] }) },
    ])
    const { user, router } = renderApp('/login?next=%2Ftutors%3Fsubject%3Dphysics')

    await user.type(await screen.findByLabelText('E-mail'), 'ayesha@example.pk')
    await user.type(screen.getByLabelText('Password'), 'secret-pass')
    await user.click(screen.getByRole('button', { name: 'Log in' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/tutors'))
    expect(router.state.location.search).toBe('?subject=physics')
    expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument()
    const [login] = api.calls('POST', '/api/v1/auth/login')
    expect(await login!.json()).toEqual({ email: 'ayesha@example.pk', password: 'secret-pass' })
  })

  it('sends anonymous visitors of a protected page to log in with ?next=', async () => {
    mockFetch([anonymous])
    const { router } = renderApp('/account/profile')

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(router.state.location.search).toBe('?next=%2Faccount%2Fprofile')
  })
})
