import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { CALENDAR_LINK, studentRoutes } from '@/testing/schedule-factories'

beforeAll(async () => {
  await import('./my-calendar')
}, 60_000)

const ROTATED = {
  url: 'https://ustad.example.pk/api/v1/calendar/tok-second.ics',
  webcal_url: 'webcal://ustad.example.pk/api/v1/calendar/tok-second.ics',
}

function calendarRoutes() {
  return mockFetch([
    ...studentRoutes(),
    { method: 'GET', path: '/api/v1/me/calendar', handler: () => json(CALENDAR_LINK) },
    { method: 'POST', path: '/api/v1/me/calendar/rotate', handler: () => json(ROTATED) },
  ])
}

describe('calendar feed', { timeout: 30_000 }, () => {
  it('shows the private address with ways to subscribe, and copies it', async () => {
    calendarRoutes()
    const writeText = vi.fn(() => Promise.resolve())
    const { user } = renderApp('/my/calendar')
    // user-event installs its own clipboard on setup; replace it after.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })

    const address = await screen.findByLabelText('Your private calendar address')
    await waitFor(() => expect(document.title).toBe('Calendar feed · Ustad'))
    expect(address).toHaveValue(CALENDAR_LINK.url)
    expect(address).toHaveAttribute('readonly')
    expect(address).toHaveAccessibleDescription(/anyone who has it can see your class timetable/)
    expect(screen.getByRole('link', { name: /Add to Google Calendar/ })).toHaveAttribute(
      'href',
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(CALENDAR_LINK.webcal_url)}`,
    )
    expect(screen.getByRole('link', { name: 'Open in my calendar app' })).toHaveAttribute('href', CALENDAR_LINK.webcal_url)

    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(writeText).toHaveBeenCalledWith(CALENDAR_LINK.url)
    expect(await screen.findByText('Calendar address copied.')).toBeInTheDocument()
  })

  it('says when copying is not possible', async () => {
    calendarRoutes()
    const { user } = renderApp('/my/calendar')
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    })

    await user.click(await screen.findByRole('button', { name: 'Copy link' }))
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't copy the address.")
  })

  it('resets the address after a warning that the old one stops working', async () => {
    const api = calendarRoutes()
    const { user } = renderApp('/my/calendar')

    await user.click(await screen.findByRole('button', { name: 'Reset link' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Reset your calendar address?' })
    expect(dialog).toHaveTextContent('The old address stops working at once')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(api.calls('POST', '/api/v1/me/calendar/rotate')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Reset link' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset link' }))

    expect(await screen.findByText('Your calendar has a new address. The old one no longer works.')).toBeInTheDocument()
    expect(screen.getByLabelText('Your private calendar address')).toHaveValue(ROTATED.url)
    expect(api.calls('POST', '/api/v1/me/calendar/rotate')).toHaveLength(1)
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('offers to try again when the address cannot be loaded', async () => {
    mockFetch([...studentRoutes(), { method: 'GET', path: '/api/v1/me/calendar', handler: () => apiError(500, 'server_error') }])
    renderApp('/my/calendar')
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent("We couldn't load your calendar address.")
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
