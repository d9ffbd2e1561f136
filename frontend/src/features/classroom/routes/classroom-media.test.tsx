import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { MediaSettings } from '@/features/classroom/media/api'
import type { ServerFrame } from '@/features/classroom/utils/protocol'
import {
  buildPerson,
  buildTutorPerson,
  buildWelcome,
  CLASS_ID,
  classroomSockets,
  recordSent,
  roomEvent,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'
import { buildSession, buildTutorUser } from '@/testing/factories'
import type { FakeWebSocket } from '@/testing/fake-websocket'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

const MEDIA_PATH = `/api/v1/sessions/${CLASS_ID}/media`

function mediaSettings(overrides: Partial<MediaSettings> = {}): MediaSettings {
  return {
    mode: 'mesh',
    mesh_limit: 6,
    ice_servers: [{ urls: ['stun:stun.example.org:3478'] }],
    ice_expires_at: null,
    livekit: null,
    zoom: null,
    screen_share: false,
    face_presence: false,
    ...overrides,
  }
}

/**
 * jsdom has no WebRTC. The mesh only needs a connection object to exist for the page to show a peer: this
 * one negotiates nothing (this browser is the polite side, so it lays out no transceivers and waits).
 */
class IdleConnection extends EventTarget {
  signalingState = 'stable'
  connectionState = 'new'
  iceConnectionState = 'new'
  localDescription = null
  getTransceivers = () => []
  setLocalDescription = () => Promise.resolve()
  setRemoteDescription = () => Promise.resolve()
  addIceCandidate = () => Promise.resolve()
  getStats = () => Promise.resolve(new Map())
  restartIce() {}
  close() {}
}

/** A microphone as `getUserMedia` hands it out: a track that can be muted and stopped. */
function fakeMicrophone() {
  const track = Object.assign(new EventTarget(), { kind: 'audio', id: 'mic-1', enabled: true, readyState: 'live', stop: vi.fn() })
  return { getAudioTracks: () => [track], getVideoTracks: () => [], getTracks: () => [track] }
}

class FakeStream {
  readonly tracks: unknown[]
  constructor(tracks: unknown[] = []) {
    this.tracks = tracks
  }
  getTracks = () => this.tracks
  getAudioTracks = () => this.tracks
  getVideoTracks = () => []
}

function stubDevices(devices: Partial<MediaDevices> | undefined) {
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true })
}

beforeEach(() => {
  vi.stubGlobal('RTCPeerConnection', IdleConnection)
  vi.stubGlobal('MediaStream', FakeStream)
})

afterEach(() => {
  stubDevices(undefined)
})

function receive(socket: FakeWebSocket, ...frames: ServerFrame[]) {
  act(() => {
    for (const frame of frames) socket.receive(frame)
  })
}

/** Opens the class page; `settings: null` stands for a server without video (its settings answer 404). */
async function openRoom({ tutor = false, settings = mediaSettings() }: { tutor?: boolean; settings?: MediaSettings | null } = {}) {
  const session = tutor
    ? buildSession({ user: buildTutorUser({ id: TUTOR_ID, first_name: 'Imran', full_name: 'Sir Imran' }) })
    : buildSession()
  const media = settings ? [{ method: 'GET', path: MEDIA_PATH, handler: () => json(settings) }] : []
  const api = mockFetch([...signedIn(session), ...media])
  const view = renderApp(`/classroom/${CLASS_ID}`)
  await waitFor(() => expect(classroomSockets()).toHaveLength(1))
  const socket = classroomSockets()[0]!
  const sent = recordSent(socket)
  act(() => socket.open())
  return { ...view, api, socket, sent }
}

const bilal = buildPerson({ name: 'Bilal Ahmed' })
const ayesha = buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' })
const people = [buildTutorPerson(), ayesha, bilal]
const studentWelcome = (overrides: Parameters<typeof buildWelcome>[0] = {}) =>
  buildWelcome({
    you: { user_id: STUDENT_ID, tutor: false, peer_id: 'a-ayesha' },
    participants: people,
    media: { screen_allowed: [], recording: null },
    ...overrides,
  })

describe('classroom video', () => {
  it('checks devices first, explains a browser without them, then joins, says hello and answers a newcomer', async () => {
    stubDevices(undefined)
    const { socket, sent, user } = await openRoom()
    receive(socket, studentWelcome())

    expect(await screen.findByRole('heading', { name: 'Check your camera and microphone' })).toBeInTheDocument()
    expect(screen.getByText("This browser can't use a camera or microphone here. You can still join to watch, listen and chat.")).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Join with (camera|microphone)/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('group', { name: 'Video controls' })).not.toBeInTheDocument()
    expect(sent).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Join without camera or microphone' }))
    expect(sent).toEqual([{ type: 'media.hello', audio: false, video: false, screen: false, audio_only: false }])
    const controls = screen.getByRole('group', { name: 'Video controls' })
    expect(within(controls).getByRole('button', { name: 'Microphone' })).toHaveAttribute('aria-pressed', 'false')
    expect(within(controls).getByRole('button', { name: 'Microphone' })).toHaveAttribute('aria-keyshortcuts', 'Control+D')
    expect(within(controls).getByRole('button', { name: 'Camera' })).toHaveAttribute('aria-pressed', 'false')
    // Students share their screen only when the tutor allows it.
    expect(within(controls).queryByRole('button', { name: 'Share screen' })).not.toBeInTheDocument()

    receive(socket, {
      type: 'media.hello',
      peer_id: 'b-tutor',
      user_id: TUTOR_ID,
      room_id: null,
      audio: true,
      video: true,
      screen: false,
      audio_only: false,
    })
    expect(sent.at(-1)).toEqual({ type: 'media.state', to: 'b-tutor', audio: false, video: false, screen: false, audio_only: false })
    const grid = screen.getByRole('list', { name: "Everyone's video" })
    const tutorTile = within(grid).getByRole('figure', { name: 'Sir Imran' })
    expect(within(tutorTile).getByText('Connecting…')).toBeInTheDocument()
    expect(within(grid).getByRole('figure', { name: 'Ayesha Khan (you)' })).toBeInTheDocument()
    expect(within(screen.getByRole('figure', { name: 'Ayesha Khan (you)' })).getByText('Microphone off')).toBeInTheDocument()

    receive(socket, { type: 'media.left', peer_id: 'b-tutor', user_id: TUTOR_ID })
    expect(screen.queryByRole('figure', { name: 'Sir Imran' })).not.toBeInTheDocument()
  })

  it('explains a refused camera and microphone, and still lets the student join without them', async () => {
    const getUserMedia = vi
      .fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>()
      .mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'))
    stubDevices({ getUserMedia, enumerateDevices: vi.fn().mockResolvedValue([]) })
    const { socket, sent, user } = await openRoom()
    receive(socket, studentWelcome())

    expect(await screen.findByText(/Your browser blocked the camera and microphone for this site/)).toBeInTheDocument()
    expect(getUserMedia).toHaveBeenCalledTimes(1)
    expect(getUserMedia.mock.calls[0]![0]).toMatchObject({ audio: { echoCancellation: true }, video: { width: { max: 1280 } } })
    expect(screen.getByRole('switch', { name: 'Camera' })).not.toBeChecked()
    expect(screen.getByRole('switch', { name: 'Microphone' })).not.toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Join without camera or microphone' }))
    expect(sent).toEqual([{ type: 'media.hello', audio: false, video: false, screen: false, audio_only: false }])
  })

  it('joins with the microphone, turns it off when the tutor mutes, and lets the student turn it on again', async () => {
    const getUserMedia = vi
      .fn<(constraints: MediaStreamConstraints) => Promise<MediaStream>>()
      .mockImplementation(() => Promise.resolve(fakeMicrophone() as unknown as MediaStream))
    stubDevices({
      getUserMedia,
      enumerateDevices: vi.fn().mockResolvedValue([{ kind: 'audioinput', deviceId: 'mic-1', label: 'Headset', groupId: 'g' }]),
    })
    localStorage.setItem('ustad.media.devices', JSON.stringify({ camera: false, mic: true }))
    const { socket, sent, user } = await openRoom()
    receive(socket, studentWelcome({ last_seq: 10 }))

    await user.click(await screen.findByRole('button', { name: 'Join with microphone' }))
    expect(getUserMedia.mock.calls[0]?.[0]).toMatchObject({ audio: { noiseSuppression: true } })
    expect(getUserMedia.mock.calls[0]?.[0]).not.toHaveProperty('video')
    expect(sent).toEqual([{ type: 'media.hello', audio: true, video: false, screen: false, audio_only: false }])
    const mic = screen.getByRole('button', { name: 'Microphone' })
    expect(mic).toHaveAttribute('aria-pressed', 'true')

    receive(socket, roomEvent(11, { type: 'participant.muted', user_id: null }))
    expect(mic).toHaveAttribute('aria-pressed', 'false')
    expect(sent.at(-1)).toEqual({ type: 'media.state', audio: false, video: false, screen: false, audio_only: false })
    expect(await screen.findByText(/The tutor muted you/)).toBeInTheDocument()

    await user.click(mic)
    expect(mic).toHaveAttribute('aria-pressed', 'true')
    expect(sent.at(-1)).toEqual({ type: 'media.state', audio: true, video: false, screen: false, audio_only: false })
    // Ctrl+D turns it off again.
    await user.keyboard('{Control>}d{/Control}')
    expect(mic).toHaveAttribute('aria-pressed', 'false')
    localStorage.removeItem('ustad.media.devices')
  })

  it('shows Share screen to a student only while the tutor allows it', async () => {
    stubDevices({
      getUserMedia: vi.fn().mockRejectedValue(new DOMException('none', 'NotFoundError')),
      enumerateDevices: vi.fn().mockResolvedValue([]),
      getDisplayMedia: vi.fn(),
    })
    const { socket, user } = await openRoom()
    receive(socket, studentWelcome({ last_seq: 10 }))
    expect(await screen.findByText(/We couldn't find a camera or microphone on this device/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Join without camera or microphone' }))
    const controls = screen.getByRole('group', { name: 'Video controls' })
    expect(within(controls).queryByRole('button', { name: 'Share screen' })).not.toBeInTheDocument()

    receive(socket, roomEvent(11, { type: 'media.screen_permitted', user_id: STUDENT_ID, allowed: true }))
    expect(within(controls).getByRole('button', { name: 'Share screen' })).toBeInTheDocument()
    receive(socket, roomEvent(12, { type: 'media.screen_permitted', user_id: STUDENT_ID, allowed: false }))
    expect(within(controls).queryByRole('button', { name: 'Share screen' })).not.toBeInTheDocument()
  })

  it('lets a tutor allow and stop a student’s screen sharing from the people list', async () => {
    stubDevices(undefined)
    const { socket, sent, user } = await openRoom({ tutor: true })
    receive(
      socket,
      buildWelcome({
        you: { user_id: TUTOR_ID, tutor: true, peer_id: 'b-tutor' },
        participants: people,
        last_seq: 10,
        media: { screen_allowed: [], recording: null },
      }),
    )
    await user.click(await screen.findByRole('tab', { name: 'People' }))
    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Allow screen sharing' }))
    expect(sent).toEqual([{ type: 'screen.permit', user_id: bilal.user_id, allowed: true }])

    receive(socket, roomEvent(11, { type: 'media.screen_permitted', user_id: bilal.user_id, allowed: true }))
    const row = screen.getByText('Bilal Ahmed').closest('li')!
    expect(within(row).getByText(/May share screen/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Actions for Bilal Ahmed' }))
    await user.click(screen.getByRole('button', { name: 'Stop screen sharing' }))
    expect(sent.at(-1)).toEqual({ type: 'screen.permit', user_id: bilal.user_id, allowed: false })
  })

  it('shows a Zoom class’s links on the stage, the host link to tutors only', async () => {
    const zoom = { meeting_id: '8512345678', join_url: 'https://zoom.us/j/8512345678', password: 'abc123' }
    const { socket } = await openRoom({ tutor: true, settings: mediaSettings({ mode: 'zoom', zoom: { ...zoom, start_url: 'https://zoom.us/s/8512345678' } }) })
    receive(socket, buildWelcome({ you: { user_id: TUTOR_ID, tutor: true, peer_id: 'b-tutor' }, participants: people }))
    expect(await screen.findByRole('heading', { name: 'This class meets on Zoom' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Start the meeting (host)' })).toHaveAttribute('href', 'https://zoom.us/s/8512345678')
    const join = screen.getByRole('link', { name: 'Join the Zoom meeting' })
    expect(join).toHaveAttribute('href', zoom.join_url)
    expect(join).toHaveAttribute('rel', 'noopener noreferrer')
    expect(screen.getByText('abc123')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Check your camera and microphone' })).not.toBeInTheDocument()
  })

  it('keeps the room as it was when the server has no video for the class', async () => {
    const { socket, sent, api } = await openRoom({ settings: null })
    receive(socket, studentWelcome())
    expect(await screen.findByRole('heading', { level: 1, name: 'Algebra revision' })).toBeInTheDocument()
    await waitFor(() => expect(api.calls('GET', MEDIA_PATH).length).toBeGreaterThan(0))
    expect(screen.queryByRole('heading', { name: 'Check your camera and microphone' })).not.toBeInTheDocument()
    expect(screen.queryByRole('group', { name: 'Video controls' })).not.toBeInTheDocument()
    // The stage is as before: the tutor's placeholder (this class has no whiteboard).
    expect(within(screen.getByRole('region', { name: 'Stage' })).getByText('Sir Imran')).toBeInTheDocument()
    expect(sent).toEqual([])
  })
})
