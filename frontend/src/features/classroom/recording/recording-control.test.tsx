import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { CLASS_ID } from '@/testing/classroom-factories'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { buildProcessingRecording, buildRecording } from '@/testing/recording-factories'
import { renderInRoom } from '@/testing/room-render'

import { RecordingControl } from './recording-control'
import type * as Format from './recording-format'

// jsdom cannot record: MediaRecorder, the canvas stream and Web Audio are stood in for by a recorder that
// hands over one chunk when it starts and one when it finishes.
const fake = vi.hoisted(() => ({ supported: true, recorders: [] as { part: number }[] }))
vi.mock('./recording-format', async (original) => ({
  ...(await original<typeof Format>()),
  recordingSupported: () => fake.supported,
}))
vi.mock('./recorder', () => ({
  Recorder: class {
    options: { part: number; upload: (chunk: { part: number; index: number; blob: Blob }) => Promise<unknown> }
    constructor(options: { part: number; upload: (chunk: { part: number; index: number; blob: Blob }) => Promise<unknown> }) {
      this.options = options
      fake.recorders.push({ part: options.part })
    }
    start() {
      void this.options.upload({ part: this.options.part, index: 0, blob: new Blob(['webm 0']) })
    }
    async finish() {
      await this.options.upload({ part: this.options.part, index: 1, blob: new Blob(['webm 1']) })
      return true
    }
    abandon() {}
  },
}))

const BASE = `/api/v1/sessions/${CLASS_ID}/recordings`

describe('recording in the room', () => {
  beforeEach(() => {
    fake.supported = true
    fake.recorders = []
    window.sessionStorage.clear()
    window.localStorage.clear()
  })

  it('shows everyone "● Recording" while the class is recorded', () => {
    mockFetch([])
    const running = buildRecording({ status: 'recording', video_url: null })
    const { unmount } = renderInRoom(<RecordingControl />, { extra: { recording: running } })
    const status = screen.getByText('Recording').closest('[role="status"]')!
    expect(status).toHaveAttribute('data-recording', 'on')
    expect(screen.queryByRole('button', { name: /recording/i })).not.toBeInTheDocument()
    unmount()

    // Stopped (processing) or none: no indicator.
    renderInRoom(<RecordingControl />, { extra: { recording: buildProcessingRecording(10) } })
    expect(screen.queryByText('Recording')).not.toBeInTheDocument()
    expect(document.querySelector('[data-recording="on"]')).toBeNull()
    expect(document.querySelector('[data-recording="off"]')).not.toBeNull()
  })

  it('lets the tutor start, uploads chunks in order, stops after asking, and links the video once ready', async () => {
    const recording = buildRecording({ id: 'rec-1', session_id: CLASS_ID, status: 'recording', video_url: null })
    let polls = 0
    const api = mockFetch([
      { method: 'GET', path: BASE, handler: () => json([]) },
      { method: 'POST', path: BASE, handler: () => json(recording, 201) },
      { method: 'PUT', path: /\/chunks\/\d+\/\d+$/, handler: () => json({ part: 0, index: 0, size: 6 }, 201) },
      { method: 'POST', path: `${BASE}/rec-1/stop`, handler: () => json({ ...recording, status: 'processing' }) },
      {
        method: 'GET',
        path: '/api/v1/recordings/rec-1',
        handler: () => {
          polls += 1
          return json(polls === 1 ? buildProcessingRecording(30, { id: 'rec-1' }) : buildRecording({ id: 'rec-1' }))
        },
      },
    ])
    const { user } = renderInRoom(<RecordingControl />, { tutor: true, extra: { recording: null } })

    await user.click(screen.getByRole('button', { name: 'Start recording' }))
    expect(await screen.findByRole('button', { name: 'Stop recording' })).toBeInTheDocument()
    expect(document.querySelector('[data-recording="on"]')).not.toBeNull()
    expect(fake.recorders).toEqual([{ part: 0 }])
    await waitFor(() => expect(api.calls('PUT', `${BASE}/rec-1/chunks/0/0`)).toHaveLength(1))
    const chunk = api.calls('PUT', `${BASE}/rec-1/chunks/0/0`)[0]!
    expect(chunk.headers.get('Content-Type')).toBe('video/webm')
    expect(await chunk.text()).toBe('webm 0')

    await user.click(screen.getByRole('button', { name: 'Stop recording' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Stop recording?' })
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(api.calls('POST', `${BASE}/rec-1/stop`)).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Stop recording' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Stop recording' }))
    await waitFor(() => expect(api.calls('POST', `${BASE}/rec-1/stop`)).toHaveLength(1))
    // The last chunk went up before the stop.
    const order = api.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)
    expect(order.indexOf(`PUT ${BASE}/rec-1/chunks/0/1`)).toBeLessThan(order.indexOf(`POST ${BASE}/rec-1/stop`))
    expect(await screen.findByText(/Processing recording…/)).toBeInTheDocument()

    const link = await screen.findByRole('link', { name: /Watch the recording/ }, { timeout: 8000 })
    expect(link).toHaveAttribute('href', `/classes/${CLASS_ID}/recap#recordings`)
    expect(link).toHaveAttribute('target', '_blank')
  }, 20_000)

  it('continues the running recording when another window started it', async () => {
    const running = buildRecording({ id: 'rec-2', status: 'recording', started_at: new Date().toISOString() })
    const api = mockFetch([
      { method: 'POST', path: BASE, handler: () => apiError(409, 'already_recording', 'Running.', { recording_id: ['rec-2'] }) },
      { method: 'GET', path: '/api/v1/recordings/rec-2', handler: () => json(running) },
      { method: 'PUT', path: /\/chunks\/\d+\/\d+$/, handler: () => json({ part: 1, index: 0, size: 6 }, 201) },
    ])
    const { user } = renderInRoom(<RecordingControl />, { tutor: true, extra: { recording: running } })

    expect(screen.getByText('Recording in another window.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Record from this window' }))
    expect(await screen.findByRole('button', { name: 'Stop recording' })).toBeInTheDocument()
    expect(fake.recorders).toEqual([{ part: 1 }])
    await waitFor(() => expect(api.calls('PUT', `${BASE}/rec-2/chunks/1/0`)).toHaveLength(1))
  })

  it('explains when the class is not live yet, and when the browser cannot record', async () => {
    mockFetch([{ method: 'POST', path: BASE, handler: () => apiError(409, 'session_not_live', 'Not live.') }])
    const { user, unmount } = renderInRoom(<RecordingControl />, { tutor: true, extra: { recording: null } })
    await user.click(screen.getByRole('button', { name: 'Start recording' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start recording' })).toBeEnabled())
    expect(fake.recorders).toHaveLength(0)
    unmount()

    fake.supported = false
    renderInRoom(<RecordingControl />, { tutor: true, extra: { recording: null } })
    expect(screen.getByRole('button', { name: 'Start recording' })).toBeDisabled()
    expect(screen.getByText(/This browser can't record the class/)).toBeInTheDocument()
  })
})
