import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { LiveClass, ScheduleBody } from '@/features/schedule/api/types'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { buildLiveClass, classListRoute, classPage, tutorRoutes } from '@/testing/schedule-factories'

beforeAll(async () => {
  await import('./new-class')
  await import('./teaching-classes')
}, 60_000)

/** Tuesday 1 December 2026, 10:00 in Karachi (the tutor's zone). */
const NOW = Date.parse('2026-12-01T05:00:00Z')

function scheduleRoutes(post: Route['handler']) {
  return mockFetch([
    ...tutorRoutes(),
    classListRoute({ all: [classPage([])] }),
    { method: 'POST', path: '/api/v1/sessions', handler: post },
  ])
}

async function paste(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, text: string) {
  await user.click(field)
  await user.paste(text)
}

/** Date and time inputs take their value in one go, as a browser's picker sets it. */
function setValue(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } })
}

async function bodyOf(request: Request | undefined) {
  return (await request!.clone().json()) as ScheduleBody
}

describe('scheduling a class', { timeout: 30_000 }, () => {
  it('checks the form before sending, at the right fields', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
    const api = scheduleRoutes(() => json([], 201))
    const { user } = renderApp('/teaching/classes/new')

    expect(await screen.findByRole('heading', { level: 1, name: 'Schedule a class' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Schedule a class · Ustad'))
    const when = screen.getByRole('group', { name: 'Date and time' })
    expect(when).toHaveAccessibleDescription('Times are in your time zone: Asia/Karachi. Change it in your profile.')
    expect(screen.getByLabelText('Start time')).toHaveAccessibleDescription('Asia/Karachi')

    await user.click(screen.getByRole('button', { name: 'Schedule class' }))
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Enter a title.')
    expect(screen.getByLabelText('Title')).toHaveFocus()
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription('Choose a date.')
    expect(screen.getByLabelText('Start time')).toHaveAccessibleDescription(/Enter a start time\./)

    await paste(user, screen.getByLabelText('Title'), 'Algebra live')
    setValue(screen.getByLabelText('Date'), '2026-12-04')
    setValue(screen.getByLabelText('Start time'), '18:00')
    setValue(screen.getByLabelText('End time'), '17:00')
    await user.clear(screen.getByLabelText('Late after (minutes)'))
    await user.type(screen.getByLabelText('Late after (minutes)'), '300')
    await user.click(screen.getByRole('button', { name: 'Schedule class' }))
    expect(screen.getByLabelText('End time')).toHaveAccessibleDescription(/The end must come after the start\./)
    expect(screen.getByLabelText('Late after (minutes)')).toHaveAccessibleDescription(
      /Enter a whole number of minutes from 0 to 240\./,
    )
    expect(screen.getByLabelText('End time')).toHaveFocus()

    setValue(screen.getByLabelText('Date'), '2026-11-30')
    setValue(screen.getByLabelText('End time'), '19:00')
    await user.click(screen.getByRole('button', { name: 'Schedule class' }))
    expect(screen.getByLabelText('Start time')).toHaveAccessibleDescription(/The start has already passed/)

    await user.click(screen.getByLabelText('Repeat weekly'))
    await user.click(screen.getByRole('button', { name: 'Schedule class' }))
    expect(screen.getByLabelText('Until')).toHaveAccessibleDescription(/Choose the last date of the series\./)
    expect(api.calls('POST', '/api/v1/sessions')).toHaveLength(0)
  })

  it('schedules a weekly series for a course and says how many classes were made', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
    const api = scheduleRoutes(() =>
      json([buildLiveClass(), buildLiveClass(), buildLiveClass(), buildLiveClass()] satisfies LiveClass[], 201),
    )
    const { user, router } = renderApp('/teaching/classes/new?course=o-level-algebra')

    const course = await screen.findByLabelText('Course')
    await waitFor(() => expect(course).toBeEnabled())
    expect(course).toHaveValue('o-level-algebra')
    expect(within(course).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Standalone class',
      'O Level Algebra',
      'Python from zero',
    ])
    await paste(user, screen.getByLabelText('Title'), 'Algebra live')
    await paste(user, screen.getByLabelText(/Description/), 'Quadratics.')
    setValue(screen.getByLabelText('Date'), '2026-12-04')
    setValue(screen.getByLabelText('Start time'), '17:00')
    setValue(screen.getByLabelText('End time'), '18:30')
    const who = screen.getByRole('group', { name: 'Who may join' })
    await user.click(within(who).getByLabelText('Students who book a seat'))
    await user.type(screen.getByLabelText(/Capacity/), '25')
    await user.click(screen.getByLabelText('Waiting room'))
    await user.clear(screen.getByLabelText('Present when attending at least (%)'))
    await user.type(screen.getByLabelText('Present when attending at least (%)'), '75')

    await user.click(screen.getByLabelText('Repeat weekly'))
    const days = screen.getByRole('group', { name: 'Repeat on' })
    // 4 December 2026 is a Friday: it is chosen already.
    expect(within(days).getByLabelText('Friday')).toBeChecked()
    await user.click(within(days).getByLabelText('Tuesday'))
    setValue(screen.getByLabelText('Until'), '2026-12-18')
    expect(screen.getByText('This schedules 5 classes.')).toBeInTheDocument()

    const skip = screen.getByLabelText('Date to skip')
    setValue(skip, '2026-12-11')
    await user.click(screen.getByRole('button', { name: 'Add date' }))
    setValue(skip, '2026-12-15')
    await user.click(screen.getByRole('button', { name: 'Add date' }))
    setValue(skip, '2026-12-15')
    await user.click(screen.getByRole('button', { name: 'Add date' }))
    expect(skip).toHaveAccessibleDescription('That date is already skipped.')
    const skipped = screen.getByRole('list', { name: 'Dates skipped' })
    expect(within(skipped).getAllByRole('listitem')).toHaveLength(2)
    expect(screen.getByText('This schedules 3 classes.')).toBeInTheDocument()
    await user.click(within(skipped).getByRole('button', { name: /Remove Tuesday, 15 December 2026/ }))
    expect(screen.getByText('This schedules 4 classes.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Schedule class' }))

    await waitFor(() => expect(api.calls('POST', '/api/v1/sessions')).toHaveLength(1))
    expect(await bodyOf(api.calls('POST', '/api/v1/sessions')[0])).toEqual({
      title: 'Algebra live',
      description: 'Quadratics.',
      starts_at: '2026-12-04T17:00',
      ends_at: '2026-12-04T18:30',
      capacity: 25,
      waiting_room: true,
      late_after_minutes: 10,
      present_min_percent: 75,
      course: 'o-level-algebra',
      join_policy: 'seats',
      recurrence: { weekdays: [1, 4], until: '2026-12-18', exceptions: ['2026-12-11'] },
    })
    expect(await screen.findByText('4 classes scheduled.')).toBeInTheDocument()
    await waitFor(() => expect(router.state.location.pathname).toBe('/teaching/classes'))
    expect(router.state.location.search).toBe('?course=o-level-algebra')
  })

  it('shows the server’s field errors at their fields, dotted names included', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
    scheduleRoutes(() =>
      apiError(400, 'validation_error', 'Check the highlighted fields.', {
        'recurrence.until': ['A series can have at most 100 classes.'],
        'recurrence.weekdays.0': ['Ensure this value is less than or equal to 6.'],
        capacity: ['Ensure this value is less than or equal to 1000.'],
        non_field_errors: ['Something about the whole class.'],
      }),
    )
    const { user } = renderApp('/teaching/classes/new')

    await paste(user, await screen.findByLabelText('Title'), 'Standalone talk')
    setValue(screen.getByLabelText('Date'), '2026-12-04')
    setValue(screen.getByLabelText('Start time'), '17:00')
    setValue(screen.getByLabelText('End time'), '18:00')
    expect(screen.queryByRole('group', { name: 'Who may join' })).not.toBeInTheDocument()
    await user.click(screen.getByLabelText('Repeat weekly'))
    setValue(screen.getByLabelText('Until'), '2027-01-29')
    await user.click(screen.getByRole('button', { name: 'Schedule class' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Check the highlighted fields.')
    expect(alert).toHaveTextContent('Something about the whole class.')
    expect(screen.getByLabelText('Until')).toHaveAccessibleDescription(/A series can have at most 100 classes\./)
    expect(screen.getByRole('group', { name: 'Repeat on' })).toHaveAccessibleDescription(
      'Ensure this value is less than or equal to 6.',
    )
    expect(screen.getByLabelText(/Capacity/)).toHaveAccessibleDescription(/less than or equal to 1000/)
    await waitFor(() => expect(screen.getByLabelText(/Capacity/)).toHaveFocus())
  })
})
