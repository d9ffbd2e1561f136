import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { AttendanceRow, LiveClass } from '@/features/schedule/api/types'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { buildAttendanceRow, buildLiveClass, classListRoute, classPage, tutorRoutes } from '@/testing/schedule-factories'

beforeAll(async () => {
  await import('./new-class')
  await import('./edit-class')
  await import('./attendance')
}, 60_000)

/** Tuesday 1 December 2026, 10:00 in Karachi (the tutor's zone). */
const NOW = Date.parse('2026-12-01T05:00:00Z')
const TEACHES = { can_manage: true, can_enter_now: false, entry_refusal: 'too_early' } as const

const FACE_CHECK = 'Check face presence (students consent in class)'

describe('face presence: scheduling', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('is off by default, explained, and sent as face_presence when ticked', async () => {
    const api = mockFetch([
      ...tutorRoutes(),
      classListRoute({ all: [classPage([])] }),
      { method: 'POST', path: '/api/v1/sessions', handler: () => json([buildLiveClass()], 201) },
    ])
    const { user } = renderApp('/teaching/classes/new')

    const box = await screen.findByRole('checkbox', { name: FACE_CHECK })
    expect(box).not.toBeChecked()
    expect(box).toHaveAccessibleDescription(/only whether a face was in it is kept/)

    await user.click(screen.getByLabelText('Title'))
    await user.paste('Algebra live')
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-12-04' } })
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '17:00' } })
    fireEvent.change(screen.getByLabelText('End time'), { target: { value: '18:00' } })
    await user.click(box)
    await user.click(screen.getByRole('button', { name: 'Schedule class' }))

    await waitFor(() => expect(api.calls('POST', '/api/v1/sessions')).toHaveLength(1))
    expect(await api.calls('POST', '/api/v1/sessions')[0]!.json()).toMatchObject({
      title: 'Algebra live',
      face_presence: true,
    })
  })

  it('shows a class’s setting when editing, and sends a change', async () => {
    const session = buildLiveClass({
      starts_at: '2026-12-03T05:00:00Z',
      ends_at: '2026-12-03T06:00:00Z',
      face_presence: true,
      viewer: TEACHES,
    })
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
    const { user } = renderApp(`/teaching/classes/${session.id}/edit`)

    const box = await screen.findByRole('checkbox', { name: FACE_CHECK })
    expect(box).toBeChecked()
    await user.click(box)
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(api.calls('PATCH', `/api/v1/sessions/${session.id}`)).toHaveLength(1))
    expect(await api.calls('PATCH', `/api/v1/sessions/${session.id}`)[0]!.json()).toMatchObject({ face_presence: false })
  })
})

describe('face presence: attendance', { timeout: 30_000 }, () => {
  const ended = (faceChecks: boolean) =>
    buildLiveClass({
      title: 'Algebra live',
      starts_at: '2026-12-04T12:00:00Z',
      ends_at: '2026-12-04T13:00:00Z',
      status: 'ended',
      face_presence: faceChecks,
      viewer: { ...TEACHES, entry_refusal: 'session_ended' },
    })

  function open(session: LiveClass, rows: AttendanceRow[]) {
    mockFetch([
      ...tutorRoutes(),
      { method: 'GET', path: `/api/v1/sessions/${session.id}`, handler: () => json(session) },
      { method: 'GET', path: `/api/v1/sessions/${session.id}/attendance`, handler: () => json(rows) },
    ])
    renderApp(`/teaching/classes/${session.id}/attendance`)
  }

  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(Date.parse('2026-12-05T05:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('adds a Face seen column with the share of frames with a face, or a dash without frames', async () => {
    const session = ended(true)
    open(session, [
      buildAttendanceRow({ name: 'Bilal Ahmed', face_checks: 4, face_seen: 3, face_ratio: 0.75 }),
      buildAttendanceRow({ name: 'Sana Malik', face_checks: 50, face_seen: 50, face_ratio: 1 }),
      buildAttendanceRow({ name: 'Hamza Ali', face_checks: 0, face_seen: 0, face_ratio: null }),
    ])

    const table = await screen.findByRole('table', { name: 'Attendance of “Algebra live”' })
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent)
    expect(headers.at(-1)).toBe('Face seen')
    const rows = within(table).getAllByRole('row').slice(1)
    const lastCell = (row: HTMLElement) => within(row).getAllByRole('cell').at(-1)!
    expect(lastCell(rows[0]!)).toHaveTextContent(/^75%/)
    expect(lastCell(rows[0]!)).toHaveTextContent('(3 of 4 checks)')
    expect(lastCell(rows[1]!)).toHaveTextContent(/^100%/)
    expect(lastCell(rows[2]!)).toHaveTextContent(/^—/)
    expect(lastCell(rows[2]!)).toHaveTextContent('No face checks')
  })

  it('leaves the column out for a class without face checks', async () => {
    open(ended(false), [buildAttendanceRow({ name: 'Bilal Ahmed' })])
    const table = await screen.findByRole('table', { name: 'Attendance of “Algebra live”' })
    expect(within(table).queryByRole('columnheader', { name: 'Face seen' })).not.toBeInTheDocument()
  })
})
