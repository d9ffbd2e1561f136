import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { CLASS_ID } from '@/testing/classroom-factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderInRoom } from '@/testing/room-render'

import { FacePresence } from './face-presence'

// jsdom has neither a camera nor a canvas that encodes: the capture stands in for both.
const capture = vi.hoisted(() => ({ captureFrame: vi.fn() }))
vi.mock('./capture-frame', () => capture)

const MEDIA = `/api/v1/sessions/${CLASS_ID}/media`
const PRESENCE = `/api/v1/sessions/${CLASS_ID}/presence`
const EXPLANATION =
  'Once a minute your camera takes one small picture; the server checks whether a face is there, keeps only yes/no and deletes the picture.'

function mediaRoute(facePresence: boolean): Route {
  return {
    method: 'GET',
    path: MEDIA,
    handler: () =>
      json({
        mode: 'mesh',
        mesh_limit: 6,
        ice_servers: [],
        ice_expires_at: null,
        livekit: null,
        zoom: null,
        screen_share: false,
        face_presence: facePresence,
      }),
  }
}

describe('face presence', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    window.sessionStorage.clear()
    capture.captureFrame.mockReset()
    capture.captureFrame.mockResolvedValue(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }))
  })
  afterEach(() => window.sessionStorage.clear())

  it('asks first, and sends nothing before the student allows it', async () => {
    const api = mockFetch([mediaRoute(true), { method: 'POST', path: PRESENCE, handler: () => json({ face: true }) }])
    const { user } = renderInRoom(<FacePresence />)

    const card = await screen.findByRole('region', { name: 'Face check for attendance' })
    expect(card).toHaveTextContent(EXPLANATION)
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect(api.calls('POST', PRESENCE)).toHaveLength(0)
    expect(capture.captureFrame).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: 'Allow' }))
    expect(screen.queryByRole('region', { name: 'Face check for attendance' })).not.toBeInTheDocument()
    expect(screen.getByText('Face check on')).toBeInTheDocument()
    expect(window.sessionStorage.getItem(`ustad.facePresence.${CLASS_ID}`)).toBe('allowed')

    // One small frame soon after, then one a minute, each as a multipart `frame`.
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    await waitFor(() => expect(api.calls('POST', PRESENCE)).toHaveLength(1))
    const form = await api.calls('POST', PRESENCE)[0]!.formData()
    const frame = form.get('frame')
    expect(frame).not.toBeNull()
    expect(typeof frame).not.toBe('string')
    expect((frame as Blob).type).toBe('image/jpeg')
    await waitFor(() => expect(screen.getByTestId('face-presence-on')).toHaveAttribute('data-face-check', 'face'))

    await act(() => vi.advanceTimersByTimeAsync(60_000))
    await waitFor(() => expect(api.calls('POST', PRESENCE)).toHaveLength(2))
  })

  it('stops when the student withdraws, and remembers “No thanks” for the class', async () => {
    const api = mockFetch([mediaRoute(true), { method: 'POST', path: PRESENCE, handler: () => json({ face: false }) }])
    const { user, unmount } = renderInRoom(<FacePresence />)

    await user.click(await screen.findByRole('button', { name: 'Allow' }))
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    await waitFor(() => expect(api.calls('POST', PRESENCE)).toHaveLength(1))
    await user.click(screen.getByRole('button', { name: 'Stop face checks' }))
    expect(screen.getByText('Face checks are off.')).toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(180_000))
    expect(api.calls('POST', PRESENCE)).toHaveLength(1)
    unmount()

    // Back in the class (a reload): no card again, and nothing sent.
    renderInRoom(<FacePresence />)
    expect(await screen.findByText('Face checks are off.')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Face check for attendance' })).not.toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect(api.calls('POST', PRESENCE)).toHaveLength(1)
  })

  it('goes quiet when the server says the class no longer checks, and bears a 429', async () => {
    let answers = 0
    const api = mockFetch([
      mediaRoute(true),
      {
        method: 'POST',
        path: PRESENCE,
        handler: () => {
          answers += 1
          return answers === 1
            ? apiError(429, 'throttled', 'Too soon.')
            : apiError(409, 'face_presence_off', 'This class does not check face presence.')
        },
      },
    ])
    window.sessionStorage.setItem(`ustad.facePresence.${CLASS_ID}`, 'allowed')
    renderInRoom(<FacePresence />)

    expect(await screen.findByText('Face check on')).toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    await waitFor(() => expect(api.calls('POST', PRESENCE)).toHaveLength(1))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByText('Face check on')).toBeInTheDocument()

    await act(() => vi.advanceTimersByTimeAsync(60_000))
    await waitFor(() => expect(api.calls('POST', PRESENCE)).toHaveLength(2))
    await waitFor(() => expect(screen.queryByText('Face check on')).not.toBeInTheDocument())
    await act(() => vi.advanceTimersByTimeAsync(180_000))
    expect(api.calls('POST', PRESENCE)).toHaveLength(2)
  })

  it('shows nothing when the class does not use it, or to tutors', async () => {
    const api = mockFetch([mediaRoute(false)])
    const { unmount } = renderInRoom(<FacePresence />)
    await waitFor(() => expect(api.calls('GET', MEDIA)).toHaveLength(1))
    expect(screen.queryByRole('region', { name: 'Face check for attendance' })).not.toBeInTheDocument()
    unmount()

    const tutorApi = mockFetch([mediaRoute(true)])
    const { container } = renderInRoom(<FacePresence />, { tutor: true })
    await act(() => vi.advanceTimersByTimeAsync(1_000))
    expect(tutorApi.calls('GET', MEDIA)).toHaveLength(0)
    expect(container).toBeEmptyDOMElement()
  })

  it('tells the student when the camera cannot take the picture', async () => {
    capture.captureFrame.mockResolvedValue(null)
    const api = mockFetch([mediaRoute(true)])
    window.sessionStorage.setItem(`ustad.facePresence.${CLASS_ID}`, 'allowed')
    renderInRoom(<FacePresence />)
    await screen.findByText('Face check on')
    await act(() => vi.advanceTimersByTimeAsync(3_000))
    expect(await screen.findByText("Face check on, but the camera isn't available")).toBeInTheDocument()
    expect(api.calls('POST', PRESENCE)).toHaveLength(0)
  })
})
