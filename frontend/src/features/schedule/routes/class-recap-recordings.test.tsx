import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Recording } from '@/api/recordings/types'
import { buildCourseDetail, buildSection } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { buildProcessingRecording, buildRecording } from '@/testing/recording-factories'
import { renderApp } from '@/testing/render-app'
import { buildLiveClass, buildRecap, recapRoutes, studentRoutes, tutorRoutes } from '@/testing/schedule-factories'

vi.mock('@excalidraw/excalidraw', () => ({
  exportToSvg: vi.fn(),
  exportToBlob: vi.fn(),
  restoreElements: vi.fn((elements: unknown[]) => elements),
}))

beforeAll(async () => {
  await import('./class-recap')
}, 60_000)

const NOW = Date.parse('2026-12-05T05:00:00Z')
const TEACHES = { can_manage: true, can_enter_now: false, entry_refusal: 'session_ended' } as const
const ATTENDED = { can_manage: false, can_enter_now: false, entry_refusal: 'session_ended' } as const
const ended = (viewer: typeof TEACHES | typeof ATTENDED) =>
  buildLiveClass({
    id: 'c1a55000-0000-4000-8000-000000000001',
    title: 'Algebra live',
    starts_at: '2026-12-04T12:00:00Z',
    ends_at: '2026-12-04T13:00:00Z',
    status: 'ended',
    viewer,
  })

function recordingRoutes(sessionId: string, recordings: Recording[] | (() => Response)): Route[] {
  return [
    {
      method: 'GET',
      path: `/api/v1/sessions/${sessionId}/recordings`,
      handler: () => (typeof recordings === 'function' ? recordings() : json(recordings)),
    },
  ]
}

describe('class recap: recordings', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(NOW)
  })

  it('plays a ready recording with its length and a download link', async () => {
    const session = ended(ATTENDED)
    const ready = buildRecording({ title: 'Algebra live: quadratics' })
    mockFetch([...studentRoutes(), ...recapRoutes({ session, recap: buildRecap() }), ...recordingRoutes(session.id, [ready])])
    renderApp(`/classes/${session.id}/recap`)

    const section = await screen.findByRole('region', { name: 'Recordings' })
    const card = within(section).getByRole('article', { name: 'Algebra live: quadratics' })
    expect(card).toHaveTextContent('Ready')
    expect(card).toHaveTextContent('Length 25:00')
    const player = within(card).getByTestId('recording-player')
    expect(player.tagName).toBe('VIDEO')
    expect(player).toHaveAttribute('src', ready.video_url)
    expect(player).toHaveAttribute('preload', 'metadata')
    expect(player).toHaveAttribute('controls')
    expect(player).toHaveAttribute('poster', ready.thumbnail_url)
    const download = within(card).getByRole('link', { name: 'Download' })
    expect(download).toBe(within(card).getByTestId('recording-download'))
    expect(download).toHaveAttribute('href', ready.download_url)
    expect(download).toHaveAttribute('download')
    // Students neither publish nor delete.
    expect(within(card).queryByRole('button', { name: 'Add as a lesson' })).not.toBeInTheDocument()
    expect(within(card).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument()
  })

  it('shows students nothing when the class has no ready recording', async () => {
    const session = ended(ATTENDED)
    const api = mockFetch([
      ...studentRoutes(),
      ...recapRoutes({ session, recap: buildRecap() }),
      ...recordingRoutes(session.id, []),
    ])
    renderApp(`/classes/${session.id}/recap`)

    expect(await screen.findByRole('region', { name: 'Chat' })).toBeInTheDocument()
    await waitFor(() => expect(api.calls('GET', `/api/v1/sessions/${session.id}/recordings`)).toHaveLength(1))
    expect(screen.queryByRole('region', { name: 'Recordings' })).not.toBeInTheDocument()
  })

  it('shows tutors a processing recording’s progress until it is ready, and a failed one’s reason', async () => {
    const session = ended(TEACHES)
    const processing = buildProcessingRecording(40, { id: '7ec00000-0000-4000-8000-00000000aaaa', title: 'Second half' })
    const failed = buildProcessingRecording(0, { status: 'failed', title: 'First try', error: 'The recording has no video.' })
    let answers = 0
    mockFetch([
      ...tutorRoutes(),
      ...recapRoutes({ session, recap: buildRecap() }),
      ...recordingRoutes(session.id, () => {
        answers += 1
        return json(answers === 1 ? [processing, failed] : [buildRecording({ id: processing.id, title: 'Second half' }), failed])
      }),
    ])
    renderApp(`/classes/${session.id}/recap`)

    const section = await screen.findByRole('region', { name: 'Recordings' })
    const second = within(section).getByRole('article', { name: 'Second half' })
    expect(second).toHaveTextContent('Processing')
    const bar = within(second).getByRole('progressbar', { name: 'Making the video' })
    expect(bar).toHaveAttribute('aria-valuenow', '40')
    expect(within(second).queryByTestId('recording-player')).not.toBeInTheDocument()
    expect(within(second).queryByTestId('recording-download')).not.toBeInTheDocument()

    const first = within(section).getByRole('article', { name: 'First try' })
    expect(first).toHaveTextContent('Failed')
    expect(within(first).getByRole('alert')).toHaveTextContent('The recording has no video.')

    // The list asks again while something is processing.
    await vi.advanceTimersByTimeAsync(4500)
    expect(await within(second).findByTestId('recording-player')).toBeInTheDocument()
    expect(within(second).queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('lets tutors add a recording to a section of the course as a lesson', async () => {
    const session = ended(TEACHES)
    const ready = buildRecording({ title: 'Algebra live' })
    const sections = [buildSection({ title: 'Basics' }), buildSection({ title: 'Quadratics' })]
    const api = mockFetch([
      ...tutorRoutes(),
      ...recapRoutes({ session, recap: buildRecap() }),
      ...recordingRoutes(session.id, [ready]),
      {
        method: 'GET',
        path: '/api/v1/courses/o-level-algebra',
        handler: () => json(buildCourseDetail({ slug: 'o-level-algebra', sections, viewer: { can_edit: true } })),
      },
      {
        method: 'POST',
        path: `/api/v1/recordings/${ready.id}/lesson`,
        handler: () => json({ lesson_id: '50000000-0000-4000-8000-00000000beef' }, 201),
      },
    ])
    const { user } = renderApp(`/classes/${session.id}/recap`)

    const card = await screen.findByRole('article', { name: 'Algebra live' })
    await user.click(within(card).getByRole('button', { name: 'Add as a lesson' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add the recording as a lesson' })
    const section = await within(dialog).findByRole('combobox', { name: 'Section' })
    expect(within(section).getAllByRole('option').map((option) => option.textContent)).toEqual(['Basics', 'Quadratics'])
    await user.selectOptions(section, 'Quadratics')
    const title = within(dialog).getByRole('textbox', { name: 'Lesson title' })
    await user.clear(title)
    await user.type(title, 'Quadratics, live')
    await user.click(within(dialog).getByRole('button', { name: 'Add as a lesson' }))

    await waitFor(() => expect(api.calls('POST', `/api/v1/recordings/${ready.id}/lesson`)).toHaveLength(1))
    expect(await api.calls('POST', `/api/v1/recordings/${ready.id}/lesson`)[0]!.json()).toEqual({
      section_id: sections[1]!.id,
      title: 'Quadratics, live',
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(within(card).getByRole('link', { name: 'Open the lesson' })).toHaveAttribute(
      'href',
      '/learn/o-level-algebra/50000000-0000-4000-8000-00000000beef',
    )
  })

  it('says so when the recording is a lesson already', async () => {
    const session = ended(TEACHES)
    const ready = buildRecording()
    mockFetch([
      ...tutorRoutes(),
      ...recapRoutes({ session, recap: buildRecap() }),
      ...recordingRoutes(session.id, [ready]),
      {
        method: 'GET',
        path: '/api/v1/courses/o-level-algebra',
        handler: () => json(buildCourseDetail({ slug: 'o-level-algebra', sections: [buildSection()] })),
      },
      {
        method: 'POST',
        path: `/api/v1/recordings/${ready.id}/lesson`,
        handler: () => apiError(409, 'already_published', 'Already a lesson.'),
      },
    ])
    const { user } = renderApp(`/classes/${session.id}/recap`)

    const card = await screen.findByRole('article', { name: 'Algebra live' })
    await user.click(within(card).getByRole('button', { name: 'Add as a lesson' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add the recording as a lesson' })
    await within(dialog).findByRole('combobox', { name: 'Section' })
    await user.click(within(dialog).getByRole('button', { name: 'Add as a lesson' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This recording is already a lesson.')
  })

  it('deletes a recording after asking', async () => {
    const session = ended(TEACHES)
    const ready = buildRecording({ title: 'Algebra live' })
    let deleted = false
    const api = mockFetch([
      ...tutorRoutes(),
      ...recapRoutes({ session, recap: buildRecap() }),
      ...recordingRoutes(session.id, () => json(deleted ? [] : [ready])),
      {
        method: 'DELETE',
        path: `/api/v1/recordings/${ready.id}`,
        handler: () => {
          deleted = true
          return new Response(null, { status: 204 })
        },
      },
    ])
    const { user } = renderApp(`/classes/${session.id}/recap`)

    const card = await screen.findByRole('article', { name: 'Algebra live' })
    await user.click(within(card).getByRole('button', { name: 'Delete' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete this recording?' })
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(api.calls('DELETE', `/api/v1/recordings/${ready.id}`)).toHaveLength(0)

    await user.click(within(card).getByRole('button', { name: 'Delete' }))
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Delete this recording?' })).getByRole('button', {
        name: 'Delete recording',
      }),
    )
    await waitFor(() => expect(api.calls('DELETE', `/api/v1/recordings/${ready.id}`)).toHaveLength(1))
    expect(await screen.findByText('Recording deleted.')).toBeInTheDocument()
    expect(await screen.findByText("This class hasn't been recorded.")).toBeInTheDocument()
  })
})
