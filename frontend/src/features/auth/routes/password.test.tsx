import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { getAccessToken } from '@/lib/auth/session-store'
import { buildSession } from '@/testing/factories'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, signedIn } from '@/testing/routes'

describe('forgot and reset password', () => {
  it('requests a reset link', async () => {
    const api = mockFetch([
      anonymous,
      { method: 'POST', path: '/api/v1/auth/password/reset', handler: () => json({ detail: 'ok' }, 202) },
    ])
    const { user } = renderApp('/forgot-password')

    await user.type(await screen.findByLabelText('E-mail'), 'sana@example.pk')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))

    expect(await screen.findByText(/we've sent it a link to reset the password/)).toBeInTheDocument()
    expect(await api.calls('POST', '/api/v1/auth/password/reset')[0]!.json()).toEqual({
      email: 'sana@example.pk',
    })
  })

  it('sets a new password from the e-mailed token, then links to log in', async () => {
    const api = mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/password/reset/confirm',
        handler: () => json({ detail: 'Password changed.' }),
      },
    ])
    const { user } = renderApp('/reset-password?token=tok-1')

    await user.type(await screen.findByLabelText(/^New password/), 'brand-new-pass')
    await user.type(screen.getByLabelText('Confirm new password'), 'brand-new-pass')
    await user.click(screen.getByRole('button', { name: 'Set new password' }))

    expect(await screen.findByText(/Your password has been changed/)).toBeInTheDocument()
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute(
      'href',
      '/login',
    )
    expect(await api.calls('POST', '/api/v1/auth/password/reset/confirm')[0]!.json()).toEqual({
      token: 'tok-1',
      new_password: 'brand-new-pass',
    })
  })

  it('explains an expired reset link', async () => {
    mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/password/reset/confirm',
        handler: () => apiError(400, 'invalid_token', 'Expired.'),
      },
    ])
    const { user } = renderApp('/reset-password?token=tok-1')

    await user.type(await screen.findByLabelText(/^New password/), 'brand-new-pass')
    await user.type(screen.getByLabelText('Confirm new password'), 'brand-new-pass')
    await user.click(screen.getByRole('button', { name: 'Set new password' }))

    expect(await screen.findByText('This reset link is invalid or has expired.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/forgot-password')
  })
})

describe('change password', () => {
  it('replaces the in-memory access token with the one returned', async () => {
    const api = mockFetch([
      ...signedIn(buildSession({ access: 'before' })),
      {
        method: 'POST',
        path: '/api/v1/auth/password/change',
        handler: () => json(buildSession({ access: 'after' })),
      },
    ])
    const { user } = renderApp('/account/password')

    await user.type(await screen.findByLabelText('Current password'), 'old-password')
    await user.type(screen.getByLabelText(/^New password/), 'brand-new-pass')
    await user.type(screen.getByLabelText('Confirm new password'), 'brand-new-pass')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    await waitFor(() => expect(getAccessToken()).toBe('after'))
    const [change] = api.calls('POST', '/api/v1/auth/password/change')
    expect(change!.headers.get('Authorization')).toBe('Bearer before')
    expect(await change!.json()).toEqual({ current_password: 'old-password', new_password: 'brand-new-pass' })
    expect(screen.getAllByText('Your password has been changed.').length).toBeGreaterThan(0)
  })

  it('shows a wrong current password beside its field', async () => {
    mockFetch([
      ...signedIn(buildSession()),
      {
        method: 'POST',
        path: '/api/v1/auth/password/change',
        handler: () =>
          apiError(400, 'validation_error', 'Check the highlighted fields.', {
            current_password: ['Your current password is not correct.'],
          }),
      },
    ])
    const { user } = renderApp('/account/password')

    await user.type(await screen.findByLabelText('Current password'), 'nope-nope')
    await user.type(screen.getByLabelText(/^New password/), 'brand-new-pass')
    await user.type(screen.getByLabelText('Confirm new password'), 'brand-new-pass')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    const current = screen.getByLabelText('Current password')
    await waitFor(() => expect(current).toHaveAccessibleDescription('Your current password is not correct.'))
    await waitFor(() => expect(current).toHaveFocus())
  })
})
