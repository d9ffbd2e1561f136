import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { LiveClass } from '@/features/schedule/api/types'
import { buildSession, buildUser } from '@/testing/factories'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'
import { classAt, classPage, tutorRoutes } from '@/testing/schedule-factories'

beforeAll(async () => {
  await import('./teaching-classes')
  await import('./edit-class')
}, 60_000)

/** Tuesday 1 December 2026, 10:00 in Karachi (the tutor's zone). */
const NOW = Date.parse('2026-12-01T05:00:00Z')
const TEACHES = { can_manage: true, can_enter_now: false, entry_refusal: 'too_early' } as const

function atNow() {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  vi.setSystemTime(NOW)
}

describe('classes a tutor teaches', { timeout: 30_000 }, () => {
  it('lists the classes they teach with edit, attendance and cancel', async () => {
    atNow()
    let upcoming: LiveClass = classAt(NOW, 2 * 24 * 60, { title: 'Friday class', viewer: TEACHES })
    const started = classAt(NOW, -30, {
      title: 'Running class',
      status: 'live',
      viewer: { can_manage: true, can_enter_now: true, entry_refusal: null },
    })
    const ended = classAt(NOW, -24 * 60, { title: 'Yesterday', status: 'ended', viewer: { ...TEACHES, entry_refusal: 'session_ended' } })
    const attending = classAt(NOW, 60, { title: 'A class I attend' })
    const api = mockFetch([
      ...tutorRoutes(),
      {
        method: 'GET',
        path: '/api/v1/sessions',
        handler: () => json(classPage([started, upcoming, attending, ended])),
      },
      {
        method: 'POST',
        path: `/api/v1/sessions/${upcoming.id}/cancel`,
        handler: () => {
          upcoming = { ...upcoming, status: 'cancelled', viewer: { ...TEACHES, entry_refusal: 'session_cancelled' } }
          return json(upcoming)
        },
      },
    ])
    const { user } = renderApp('/teaching/classes')

    const list = await screen.findByRole('list', { name: 'Your classes' })
    await waitFor(() => expect(document.title).toBe('Classes I teach · Ustad'))
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Running class',
      'Friday class',
      'Yesterday',
    ])
    const [running, friday, yesterday] = within(list).getAllByRole('listitem')
    expect(within(running!).getByRole('link', { name: 'Enter class' })).toBeInTheDocument()
    expect(within(running!).getByRole('link', { name: 'Edit: Running class' })).toHaveAttribute(
      'href',
      `/teaching/classes/${started.id}/edit`,
    )
    expect(within(running!).getByRole('link', { name: 'Attendance: Running class' })).toHaveAttribute(
      'href',
      `/teaching/classes/${started.id}/attendance`,
    )
    expect(within(running!).getByRole('link', { name: 'Recap: Running class' })).toHaveAttribute(
      'href',
      `/classes/${started.id}/recap`,
    )
    expect(within(friday!).queryByRole('link', { name: /Attendance/ })).not.toBeInTheDocument()
    expect(within(friday!).queryByRole('link', { name: /Recap/ })).not.toBeInTheDocument()
    expect(within(yesterday!).getByRole('link', { name: 'Attendance: Yesterday' })).toBeInTheDocument()
    expect(within(yesterday!).getByRole('link', { name: 'Recap: Yesterday' })).toHaveAttribute(
      'href',
      `/classes/${ended.id}/recap`,
    )
    expect(within(yesterday!).queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument()
    expect(within(yesterday!).queryByRole('button', { name: /Cancel class/ })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Schedule a class' })).toHaveAttribute('href', '/teaching/classes/new')

    await user.click(within(friday!).getByRole('button', { name: 'Cancel class: Friday class' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this class?' })
    expect(dialog).toHaveTextContent('“Friday class”')
    expect(within(dialog).getByRole('button', { name: 'Keep class' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel class' }))

    expect(await screen.findByText('“Friday class” was cancelled. Its students have been told.')).toBeInTheDocument()
    expect(api.calls('POST', `/api/v1/sessions/${upcoming.id}/cancel`)).toHaveLength(1)
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Your classes' })).getAllByRole('listitem')[1]).toHaveTextContent(
        'Cancelled',
      ),
    )
  })

  it('filters by course and downloads that course’s attendance with the access token', async () => {
    atNow()
    const createObjectURL = vi.fn((_: Blob) => 'blob:attendance')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`)
    })
    const api = mockFetch([
      ...tutorRoutes(),
      {
        method: 'GET',
        path: '/api/v1/sessions',
        handler: (request) => {
          const course = new URL(request.url).searchParams.get('course')
          return json(classPage([classAt(NOW, 60, { title: course ? `Only ${course}` : 'Any class', viewer: TEACHES })]))
        },
      },
      {
        method: 'GET',
        path: '/api/v1/courses/o-level-algebra/attendance.csv',
        handler: () => new Response('Student,E-mail\r\nBilal Ahmed,bilal@example.pk\r\n', { headers: { 'Content-Type': 'text/csv' } }),
      },
    ])
    const { user, router } = renderApp('/teaching/classes')

    expect(await screen.findByText('Any class')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Attendance CSV' })).not.toBeInTheDocument()
    const filter = screen.getByLabelText('Course')
    await waitFor(() => expect(filter).toBeEnabled())
    await user.selectOptions(filter, 'o-level-algebra')

    expect(await screen.findByText('Only o-level-algebra')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?course=o-level-algebra')
    expect(screen.getByRole('link', { name: 'Schedule a class' })).toHaveAttribute(
      'href',
      '/teaching/classes/new?course=o-level-algebra',
    )
    await user.click(screen.getByRole('button', { name: 'Attendance CSV' }))

    await waitFor(() => expect(downloads).toEqual(['o-level-algebra-attendance.csv blob:attendance']))
    const request = api.calls('GET', '/api/v1/courses/o-level-algebra/attendance.csv')[0]!
    expect(request.headers.get('Authorization')).toBe('Bearer access-1')
    expect(await createObjectURL.mock.calls[0]![0].text()).toContain('Bilal Ahmed')
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })

  it('is for tutors and admins only', async () => {
    mockFetch(signedIn(buildSession({ user: buildUser() })))
    renderApp('/teaching/classes')
    expect(await screen.findByRole('heading', { level: 1, name: 'Teaching is for tutors' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Classes I teach' })).not.toBeInTheDocument()
  })
})

describe('editing a class', { timeout: 30_000 }, () => {
  beforeEach(atNow)
  afterEach(() => vi.useRealTimers())

  it('changes the title without moving the start, and goes back to the list', async () => {
    const session = classAt(NOW, 2 * 24 * 60, { title: 'Friday class', capacity: 20, viewer: TEACHES })
    const api = mockFetch([
      ...tutorRoutes(),
      { method: 'GET', path: `/api/v1/sessions/${session.id}`, handler: () => json(session) },
      {
        method: 'PATCH',
        path: `/api/v1/sessions/${session.id}`,
        handler: async (request) => json({ ...session, ...((await request.json()) as object) }),
      },
      { method: 'GET', path: '/api/v1/sessions', handler: () => json(classPage([session])) },
    ])
    const { user, router } = renderApp(`/teaching/classes/${session.id}/edit`)

    const title = await screen.findByLabelText('Title')
    expect(title).toHaveValue('Friday class')
    expect(screen.getByLabelText('Date')).toHaveValue('2026-12-03')
    expect(screen.getByLabelText('Start time')).toHaveValue('10:00')
    expect(screen.getByLabelText('End time')).toHaveValue('11:00')
    expect(screen.getByLabelText(/Capacity/)).toHaveValue(20)
    expect(screen.queryByLabelText('Repeat weekly')).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Course' })).not.toBeInTheDocument()

    await user.clear(title)
    await user.type(title, 'Friday revision')
    fireEvent.change(screen.getByLabelText('End time'), { target: { value: '11:30' } })
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(api.calls('PATCH', `/api/v1/sessions/${session.id}`)).toHaveLength(1))
    expect(await api.calls('PATCH', `/api/v1/sessions/${session.id}`)[0]!.json()).toEqual({
      title: 'Friday revision',
      description: 'Quadratic equations.',
      capacity: 20,
      waiting_room: false,
      late_after_minutes: 10,
      present_min_percent: 50,
      ends_at: '2026-12-03T11:30',
    })
    expect(await screen.findByText('Class updated. Its students have been told.')).toBeInTheDocument()
    await waitFor(() => expect(router.state.location.pathname).toBe('/teaching/classes'))
  })

  it('explains when the class can no longer change', async () => {
    const session = classAt(NOW, 60, { title: 'Soon', viewer: TEACHES })
    mockFetch([
      ...tutorRoutes(),
      { method: 'GET', path: `/api/v1/sessions/${session.id}`, handler: () => json(session) },
      {
        method: 'PATCH',
        path: `/api/v1/sessions/${session.id}`,
        handler: () => apiError(409, 'session_closed', 'This class has ended or was cancelled; it can no longer change.'),
      },
    ])
    const { user } = renderApp(`/teaching/classes/${session.id}/edit`)

    await user.click(await screen.findByRole('button', { name: 'Save changes' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This class has ended or was cancelled; it can no longer change.')
  })
})
