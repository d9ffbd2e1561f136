import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { buildLiveClass, classAt, classListRoute, classPage, studentRoutes, tutorRoutes } from '@/testing/schedule-factories'

// The route loads lazily; load it once up front rather than inside the first test.
beforeAll(async () => {
  await import('./my-classes')
}, 60_000)

/** Wednesday 2 December 2026, 15:00 in Karachi (the signed-in person's zone). */
const NOW = Date.parse('2026-12-02T10:00:00Z')
const HOUR = 60

function atNow() {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  vi.setSystemTime(NOW)
}

describe('my classes', { timeout: 30_000 }, () => {
  it('groups classes into Today, This week and Later, then Past', async () => {
    atNow()
    const api = mockFetch([
      ...studentRoutes(),
      classListRoute({
        upcoming: [
          classPage([
            classAt(NOW, -10, {
              title: 'Running now',
              status: 'live',
              viewer: { can_manage: false, can_enter_now: true, entry_refusal: null },
            }),
            classAt(NOW, 3 * HOUR, { title: 'This evening', capacity: 30, seats_taken: 3, course: null }),
            classAt(NOW, 2 * 24 * HOUR, { title: 'Friday revision' }),
            classAt(NOW, 6 * 24 * HOUR, {
              title: 'Cancelled one',
              status: 'cancelled',
              viewer: { can_manage: false, can_enter_now: false, entry_refusal: 'session_cancelled' },
            }),
          ]),
        ],
        past: [
          classPage([
            // Still running: it belongs to the list above, not to Past.
            classAt(NOW, -10, { title: 'Running now' }),
            classAt(NOW, -24 * HOUR, {
              title: 'Yesterday',
              status: 'ended',
              viewer: { can_manage: false, can_enter_now: false, entry_refusal: 'session_ended' },
            }),
          ]),
        ],
      }),
    ])
    renderApp('/my/classes')

    expect(await screen.findByRole('heading', { level: 1, name: 'My classes' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('My classes · Ustad'))
    const today = await screen.findByRole('list', { name: 'Today' })
    expect(within(today).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Running now',
      'This evening',
    ])
    expect(within(screen.getByRole('list', { name: 'This week' })).getByText('Friday revision')).toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: 'Later' })).getByText('Cancelled one')).toBeInTheDocument()
    const past = await screen.findByRole('list', { name: 'Past' })
    expect(within(past).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Yesterday'])
    // A class that took place has its recap; classes to come do not.
    expect(within(past).getByRole('link', { name: 'Recap: Yesterday' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/classes\/[^/]+\/recap$/),
    )
    expect(within(today).queryByRole('link', { name: /Recap/ })).not.toBeInTheDocument()

    const running = within(today).getAllByRole('listitem')[0]!
    expect(running).toHaveTextContent('Live now')
    expect(within(running).getByRole('link', { name: 'Enter class' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/classroom\//),
    )
    expect(within(running).getByRole('link', { name: 'O Level Algebra' })).toHaveAttribute('href', '/courses/o-level-algebra')
    expect(running).toHaveTextContent('Sara Malik')

    const evening = within(today).getAllByRole('listitem')[1]!
    // 18:00–19:00 in Karachi, with the date.
    expect(evening).toHaveTextContent(/Wed.*2.Dec.*2026.*6:00\s?[–-]\s?7:00\s?pm/i)
    expect(evening).toHaveTextContent('3 of 30 taken')
    expect(evening).toHaveTextContent('Standalone class')
    expect(evening).toHaveTextContent('Scheduled')

    const cancelled = screen.getByRole('list', { name: 'Later' })
    expect(cancelled).toHaveTextContent('Cancelled')
    expect(cancelled).toHaveTextContent('This class was cancelled.')
    expect(within(cancelled).queryByRole('button', { name: 'Enter class' })).not.toBeInTheDocument()
    expect(screen.getByText('Times are shown in your time zone (Asia/Karachi).')).toBeInTheDocument()

    const upcomingCall = api.calls('GET', '/api/v1/sessions').find((r) => new URL(r.url).searchParams.has('from'))!
    expect(Date.parse(new URL(upcomingCall.url).searchParams.get('from')!)).toBeGreaterThanOrEqual(NOW)
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('My classes')
  })

  it('enables Enter class on time, without a reload', async () => {
    atNow()
    const soon = classAt(NOW, 12, { title: 'Starts soon' })
    mockFetch([...studentRoutes(), classListRoute({ upcoming: [classPage([soon])], past: [classPage([])] })])
    renderApp('/my/classes')

    const card = within(await screen.findByRole('list', { name: 'Today' })).getByRole('listitem')
    const button = within(card).getByRole('button', { name: 'Enter class' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription(/Opens 10 minutes before the start \(opens in 2 minutes\)/)

    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(within(card).getByRole('button', { name: 'Enter class' })).toHaveAccessibleDescription(/opens in 1 minute/)

    await act(() => vi.advanceTimersByTimeAsync(90_000))
    expect(within(card).getByRole('link', { name: 'Enter class' })).toHaveAttribute('href', `/classroom/${soon.id}`)
    expect(within(card).queryByRole('button', { name: 'Enter class' })).not.toBeInTheDocument()
  })

  it('lets those who teach a class in an hour before the start', async () => {
    atNow()
    const tutorClass = classAt(NOW, 90, {
      title: 'I teach this',
      viewer: { can_manage: true, can_enter_now: false, entry_refusal: 'too_early' },
    })
    mockFetch([...tutorRoutes(), classListRoute({ upcoming: [classPage([tutorClass])], past: [classPage([])] })])
    renderApp('/my/classes')

    const card = within(await screen.findByRole('list', { name: 'Today' })).getByRole('listitem')
    expect(within(card).getByRole('button', { name: 'Enter class' })).toHaveAccessibleDescription(
      /Opens an hour before the start \(opens in 30 minutes\)/,
    )
    expect(screen.getByRole('link', { name: 'Schedule a class' })).toHaveAttribute('href', '/teaching/classes/new')

    await act(() => vi.advanceTimersByTimeAsync(30 * 60_000))
    expect(within(card).getByRole('link', { name: 'Enter class' })).toBeInTheDocument()
  })

  it('loads more past classes, and shows an empty state with nothing to come', async () => {
    atNow()
    const api = mockFetch([
      ...studentRoutes(),
      classListRoute({
        upcoming: [classPage([])],
        past: [
          classPage([classAt(NOW, -2 * 24 * HOUR, { title: 'Monday class', status: 'ended' })], { more: true }),
          classPage([classAt(NOW, -9 * 24 * HOUR, { title: 'Last week', status: 'ended' })]),
        ],
      }),
    ])
    const { user } = renderApp('/my/classes')

    expect(await screen.findByText('No classes coming up')).toBeInTheDocument()
    const past = await screen.findByRole('list', { name: 'Past' })
    expect(past).toHaveTextContent('Monday class')
    await user.click(screen.getByRole('button', { name: 'Load more past classes' }))

    await waitFor(() => expect(screen.getByRole('list', { name: 'Past' })).toHaveTextContent('Last week'))
    const pages = api
      .calls('GET', '/api/v1/sessions')
      .filter((r) => new URL(r.url).searchParams.has('to'))
      .map((r) => new URL(r.url).searchParams.get('page'))
    expect(pages).toEqual(['1', '2'])
    expect(screen.queryByRole('button', { name: 'Load more past classes' })).not.toBeInTheDocument()
  })

  it('says when the classes could not be loaded, and tries again', async () => {
    let fail = true
    mockFetch([
      ...studentRoutes(),
      {
        method: 'GET',
        path: '/api/v1/sessions',
        handler: () => (fail ? apiError(500, 'server_error', 'Boom') : json(classPage([buildLiveClass({ title: 'Back again' })]))),
      },
    ])
    const { user } = renderApp('/my/classes')

    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent("We couldn't load your classes.")
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('Back again')).toBeInTheDocument()
  })
})
