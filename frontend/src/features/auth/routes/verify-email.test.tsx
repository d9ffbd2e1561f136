import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

describe('verify e-mail page', () => {
  it('verifies the token once and links to log in', async () => {
    const api = mockFetch([
      anonymous,
      { method: 'POST', path: '/api/v1/auth/verify-email', handler: () => json({ detail: 'Verified.' }) },
    ])
    renderApp('/verify-email?token=abc123')

    expect(await screen.findByText('Your e-mail is verified. You can now log in.')).toBeInTheDocument()
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute(
      'href',
      '/login',
    )
    const calls = api.calls('POST', '/api/v1/auth/verify-email')
    expect(calls).toHaveLength(1)
    expect(await calls[0]!.json()).toEqual({ token: 'abc123' })
  })

  it('offers a new link when the token is invalid or expired', async () => {
    const api = mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/verify-email',
        handler: () => apiError(400, 'invalid_token', 'The link is invalid or has expired.'),
      },
      { method: 'POST', path: '/api/v1/auth/verify-email/resend', handler: () => json({ detail: 'ok' }, 202) },
    ])
    const { user } = renderApp('/verify-email?token=old')

    expect(await screen.findByText('This verification link is invalid or has expired.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('E-mail'), 'sana@example.pk')
    await user.click(screen.getByRole('button', { name: 'Send a new link' }))

    expect(await screen.findByText(/a new link is on its way/)).toBeInTheDocument()
    expect(await api.calls('POST', '/api/v1/auth/verify-email/resend')[0]!.json()).toEqual({
      email: 'sana@example.pk',
    })
  })
})
