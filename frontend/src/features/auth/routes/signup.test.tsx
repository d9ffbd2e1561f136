import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

describe('signup page', () => {
  it('sends the right body and then asks to check the e-mail, with a resend button', async () => {
    const api = mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/signup',
        handler: () => json({ detail: 'Check your e-mail.', email: 'bilal@example.pk' }, 201),
      },
      {
        method: 'POST',
        path: '/api/v1/auth/verify-email/resend',
        handler: () => json({ detail: 'Sent.' }, 202),
      },
    ])
    const { user } = renderApp('/signup')

    await user.type(await screen.findByLabelText('First name'), 'Bilal')
    await user.type(screen.getByLabelText('Last name'), 'Ahmed')
    await user.type(screen.getByLabelText('E-mail'), 'bilal@example.pk')
    await user.type(screen.getByLabelText(/^Password/), 'a-long-passphrase')
    const role = screen.getByRole('group', { name: 'I want to' })
    await user.click(within(role).getByRole('radio', { name: 'Teach (tutor)' }))
    await user.click(screen.getByRole('button', { name: 'Sign up' }))

    const heading = await screen.findByRole('heading', { level: 1, name: 'Check your e-mail' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(screen.getByText(/We sent a verification link to bilal@example\.pk/)).toBeInTheDocument()

    const [signup] = api.calls('POST', '/api/v1/auth/signup')
    expect(await signup!.json()).toEqual({
      email: 'bilal@example.pk',
      password: 'a-long-passphrase',
      first_name: 'Bilal',
      last_name: 'Ahmed',
      role: 'tutor',
      language: 'en',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    })

    await user.click(screen.getByRole('button', { name: 'Send the link again' }))
    expect(await screen.findByText(/A new link is on its way to bilal@example\.pk/)).toBeInTheDocument()
    const [resend] = api.calls('POST', '/api/v1/auth/verify-email/resend')
    expect(await resend!.json()).toEqual({ email: 'bilal@example.pk' })
  })

  it('validates before sending and shows server field errors', async () => {
    const api = mockFetch([
      anonymous,
      {
        method: 'POST',
        path: '/api/v1/auth/signup',
        handler: () =>
          apiError(400, 'validation_error', 'Check the highlighted fields.', {
            email: ['A user with this e-mail already exists.'],
          }),
      },
    ])
    const { user } = renderApp('/signup')

    await user.click(await screen.findByRole('button', { name: 'Sign up' }))
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription('Enter your first name.')
    expect(screen.getByLabelText(/^Password/)).toHaveAttribute('aria-invalid', 'true')
    expect(api.calls('POST', '/api/v1/auth/signup')).toHaveLength(0)

    await user.type(screen.getByLabelText('First name'), 'Bilal')
    await user.type(screen.getByLabelText('Last name'), 'Ahmed')
    await user.type(screen.getByLabelText('E-mail'), 'taken@example.pk')
    await user.type(screen.getByLabelText(/^Password/), 'a-long-passphrase')
    await user.click(screen.getByRole('button', { name: 'Sign up' }))

    expect(await screen.findByLabelText('E-mail')).toHaveAccessibleDescription(
      'A user with this e-mail already exists.',
    )
    expect(screen.getByLabelText('E-mail')).toHaveFocus()
  })
})
