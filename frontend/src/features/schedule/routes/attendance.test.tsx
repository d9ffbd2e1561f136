import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { AttendanceRow, LiveClass } from '@/features/schedule/api/types'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { buildAttendanceRow, buildLiveClass, tutorRoutes } from '@/testing/schedule-factories'

beforeAll(async () => {
  await import('./attendance')
}, 60_000)

const TEACHES = { can_manage: true, can_enter_now: false, entry_refusal: 'session_ended' } as const
/** 17:00–18:00 in Karachi on Friday 4 December 2026. */
const ended = buildLiveClass({
  title: 'Algebra live',
  starts_at: '2026-12-04T12:00:00Z',
  ends_at: '2026-12-04T13:00:00Z',
  status: 'ended',
  late_after_minutes: 10,
  present_min_percent: 50,
  viewer: TEACHES,
})

function attendanceRoutes(session: LiveClass, rows: AttendanceRow[] | Response, extra: Route[] = []) {
  return mockFetch([
    ...tutorRoutes(),
    ...extra,
    { method: 'GET', path: `/api/v1/sessions/${session.id}`, handler: () => json(session) },
    {
      method: 'GET',
      path: `/api/v1/sessions/${session.id}/attendance`,
      handler: () => (rows instanceof Response ? rows : json(rows)),
    },
  ])
}

describe('attendance report', { timeout: 30_000 }, () => {
  let createObjectURL = vi.fn((_: Blob) => 'blob:attendance')
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(Date.parse('2026-12-05T05:00:00Z'))
    createObjectURL = vi.fn((_: Blob) => 'blob:attendance')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
  })
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })

  it('shows every student with first join in the viewer’s zone, minutes, share and status, and counts', async () => {
    attendanceRoutes(ended, [
      buildAttendanceRow({ name: 'Bilal Ahmed', email: 'bilal@example.pk', first_joined_at: '2026-12-04T12:02:00Z', minutes_present: 58, percent_present: 97, status: 'present' }),
      buildAttendanceRow({ name: 'Sana Malik', email: 'sana@example.pk', first_joined_at: '2026-12-04T12:20:00Z', minutes_present: 40, percent_present: 67, status: 'late' }),
      buildAttendanceRow({ name: 'Hamza Ali', email: 'hamza@example.pk', first_joined_at: null, minutes_present: 0, percent_present: 0, status: 'absent' }),
    ])
    renderApp(`/teaching/classes/${ended.id}/attendance`)

    const table = await screen.findByRole('table', { name: 'Attendance of “Algebra live”' })
    await waitFor(() => expect(document.title).toBe('Attendance: Algebra live · Ustad'))
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Attendance: Algebra live')
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Name',
      'E-mail',
      'First joined',
      'Minutes present',
      '% present',
      'Status',
    ])
    const bilal = within(table).getByRole('row', { name: /Bilal Ahmed/ })
    expect(bilal).toHaveTextContent('bilal@example.pk')
    expect(bilal).toHaveTextContent(/4.Dec.2026.*5:02\s?pm/)
    expect(bilal).toHaveTextContent('58')
    expect(bilal).toHaveTextContent('97%')
    expect(bilal).toHaveTextContent('Present')
    expect(within(table).getByRole('row', { name: /Sana Malik/ })).toHaveTextContent('Late')
    const hamza = within(table).getByRole('row', { name: /Hamza Ali/ })
    expect(hamza).toHaveTextContent("Didn't join")
    expect(hamza).toHaveTextContent('Absent')

    expect(screen.getByLabelText('Summary')).toHaveTextContent('Present1Late1Absent1')
    expect(screen.getByText(/Late: joined more than 10 minutes after the start\. Absent: attended less than 50%/)).toBeInTheDocument()
  })

  it('downloads the CSV with the access token', async () => {
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`)
    })
    const api = attendanceRoutes(ended, [buildAttendanceRow()], [
      {
        method: 'GET',
        path: `/api/v1/sessions/${ended.id}/attendance.csv`,
        handler: () =>
          new Response('Name,E-mail,Status\r\nBilal Ahmed,bilal@example.pk,present\r\n', {
            headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          }),
      },
    ])
    const { user } = renderApp(`/teaching/classes/${ended.id}/attendance`)

    await user.click(await screen.findByRole('button', { name: 'Download CSV' }))

    await waitFor(() => expect(downloads).toEqual([`attendance-${ended.id}.csv blob:attendance`]))
    const request = api.calls('GET', `/api/v1/sessions/${ended.id}/attendance.csv`)[0]!
    expect(request.headers.get('Authorization')).toBe('Bearer access-1')
    expect(await createObjectURL.mock.calls[0]![0].text()).toContain('Bilal Ahmed,bilal@example.pk,present')
  })

  it('says so when the download fails', async () => {
    attendanceRoutes(ended, [buildAttendanceRow()], [
      { method: 'GET', path: `/api/v1/sessions/${ended.id}/attendance.csv`, handler: () => apiError(500, 'server_error', 'Boom') },
    ])
    const { user } = renderApp(`/teaching/classes/${ended.id}/attendance`)

    await user.click(await screen.findByRole('button', { name: 'Download CSV' }))
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't download the spreadsheet.")
    expect(createObjectURL).not.toHaveBeenCalled()
  })

  it('says when nobody joined, and when nobody was expected', async () => {
    attendanceRoutes(ended, [buildAttendanceRow({ first_joined_at: null, minutes_present: 0, percent_present: 0, status: 'absent' })])
    const first = renderApp(`/teaching/classes/${ended.id}/attendance`)
    expect(await screen.findByText('Nobody joined this class.')).toBeInTheDocument()
    expect(screen.getByRole('table')).toBeInTheDocument()
    first.unmount()

    attendanceRoutes(ended, [])
    renderApp(`/teaching/classes/${ended.id}/attendance`)
    expect(await screen.findByText('No students were expected in this class')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('waits for a class that has not started, without asking for attendance', async () => {
    const later = buildLiveClass({
      title: 'Next week',
      starts_at: '2026-12-11T12:00:00Z',
      ends_at: '2026-12-11T13:00:00Z',
      viewer: { can_manage: true, can_enter_now: false, entry_refusal: 'too_early' },
    })
    const api = attendanceRoutes(later, [])
    renderApp(`/teaching/classes/${later.id}/attendance`)

    expect(await screen.findByText("This class hasn't started yet")).toBeInTheDocument()
    expect(api.calls('GET', `/api/v1/sessions/${later.id}/attendance`)).toHaveLength(0)
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument()
  })

  it('does not show a class the tutor does not teach', async () => {
    mockFetch([
      ...tutorRoutes(),
      { method: 'GET', path: '/api/v1/sessions/nope', handler: () => apiError(404, 'not_found', 'Not found.') },
    ])
    renderApp('/teaching/classes/nope/attendance')
    expect(await screen.findByText("We couldn't find this class among those you teach.")).toBeInTheDocument()
  })
})
