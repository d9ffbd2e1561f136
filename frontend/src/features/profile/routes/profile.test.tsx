import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { User } from '@/api/types'
import { buildSession, buildTutorUser, buildUser } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn, subjects } from '@/testing/routes'

function meRoutes(user: User, patch: Route['handler']): Route[] {
  return [
    ...signedIn(buildSession({ user })),
    subjects,
    { method: 'GET', path: '/api/v1/me', handler: () => json(user) },
    { method: 'PATCH', path: '/api/v1/me', handler: patch },
  ]
}

describe('profile page', () => {
  it('shows dotted server errors (tutor_profile.hourly_rate) beside the matching field', async () => {
    const tutor = buildTutorUser()
    mockFetch(
      meRoutes(tutor, () =>
        apiError(400, 'validation_error', 'Check the highlighted fields.', {
          'tutor_profile.hourly_rate': ['Ensure this value is less than or equal to 100000000.'],
          'tutor_profile.subject_slugs.0': ['Unknown subject.'],
          phone: ['Enter a valid phone number.'],
        }),
      ),
    )
    const { user } = renderApp('/account/profile')

    const rate = await screen.findByLabelText(/^Hourly rate/)
    expect(rate).toHaveValue('2500')
    await user.clear(rate)
    await user.type(rate, '99999999')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(rate).toHaveAttribute('aria-invalid', 'true'))
    expect(rate).toHaveAccessibleDescription(
      expect.stringContaining('Ensure this value is less than or equal to 100000000.'),
    )
    expect(screen.getByLabelText(/^Phone/)).toHaveAccessibleDescription(
      expect.stringContaining('Enter a valid phone number.'),
    )
    expect(screen.getByRole('group', { name: 'Subjects you teach' })).toHaveAccessibleDescription(
      'Unknown subject.',
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Check the highlighted fields.')
  })

  it('sends the rate in minor units and the chosen subjects, then confirms', async () => {
    const tutor = buildTutorUser()
    let body: unknown
    mockFetch(
      meRoutes(tutor, async (request) => {
        body = await request.json()
        return json({ ...tutor, headline: 'Physics for O-levels' })
      }),
    )
    const { user } = renderApp('/account/profile')

    const headline = await screen.findByLabelText(/^Headline/)
    await user.type(headline, 'Physics for O-levels')
    const subjectsGroup = screen.getByRole('group', { name: 'Subjects you teach' })
    await user.click(await within(subjectsGroup).findByRole('checkbox', { name: 'Physics' }))
    const rate = screen.getByLabelText(/^Hourly rate/)
    await user.clear(rate)
    await user.type(rate, '3000.50')
    await user.selectOptions(screen.getByLabelText('Currency'), 'USD')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Your profile has been saved.')).toBeInTheDocument()
    expect(body).toMatchObject({
      headline: 'Physics for O-levels',
      timezone: 'Asia/Karachi',
      language: 'en',
      tutor_profile: {
        subject_slugs: ['mathematics', 'physics'],
        hourly_rate: 300050,
        currency: 'USD',
        experience_years: 5,
      },
    })
  })

  it('does not show or send tutor fields for students', async () => {
    let body: Record<string, unknown> = {}
    const student = buildUser()
    mockFetch(
      meRoutes(student, async (request) => {
        body = (await request.json()) as Record<string, unknown>
        return json(student)
      }),
    )
    const { user } = renderApp('/account/profile')

    await user.click(await screen.findByRole('button', { name: 'Save changes' }))
    await screen.findByText('Your profile has been saved.')
    expect(screen.queryByLabelText(/^Hourly rate/)).not.toBeInTheDocument()
    expect(body).not.toHaveProperty('tutor_profile')
  })

  it('asks before removing the photo', async () => {
    const withPhoto = buildUser({ avatar_url: '/media/avatars/a.webp' })
    const api = mockFetch([
      ...meRoutes(withPhoto, () => json(withPhoto)),
      { method: 'DELETE', path: '/api/v1/me/avatar', handler: () => json({ ...withPhoto, avatar_url: null }) },
    ])
    const { user } = renderApp('/account/profile')

    await user.click(await screen.findByRole('button', { name: 'Remove photo' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Remove your photo?' })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }))

    expect(await screen.findByText('Your photo has been removed.')).toBeInTheDocument()
    expect(api.calls('DELETE', '/api/v1/me/avatar')).toHaveLength(1)
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })
})
