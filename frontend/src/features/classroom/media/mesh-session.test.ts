import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { MediaFlags, MediaFrame, RoomAction } from '../utils/protocol'
import { MeshSession, NO_MEDIA } from './mesh-session'

/** Just enough of a transceiver to see which track and direction the session puts on it. */
class FakeTransceiver {
  direction: RTCRtpTransceiverDirection
  readonly kind: string
  readonly sender: { track: unknown; replaceTrack: (track: unknown) => Promise<void> }
  readonly receiver: { track: { kind: string }; getSynchronizationSources: () => [] }

  constructor(trackOrKind: string | { kind: string }, init: RTCRtpTransceiverInit = {}) {
    this.kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind
    this.direction = init.direction ?? 'sendrecv'
    const sender = {
      track: typeof trackOrKind === 'string' ? null : (trackOrKind as unknown),
      replaceTrack: async (track: unknown) => {
        sender.track = track
        await Promise.resolve()
      },
    }
    this.sender = sender
    this.receiver = { track: { kind: this.kind }, getSynchronizationSources: () => [] }
  }
}

/** A connection that negotiates nothing: the session's decisions (who, when, which tracks) are what is checked. */
class FakeConnection extends EventTarget {
  static made: FakeConnection[] = []
  signalingState: RTCSignalingState = 'stable'
  connectionState: RTCPeerConnectionState = 'new'
  iceConnectionState: RTCIceConnectionState = 'new'
  localDescription = null
  transceivers: FakeTransceiver[] = []
  closed = false
  readonly config: RTCConfiguration

  constructor(config: RTCConfiguration) {
    super()
    this.config = config
    FakeConnection.made.push(this)
  }

  addTransceiver(trackOrKind: string | { kind: string }, init?: RTCRtpTransceiverInit) {
    const transceiver = new FakeTransceiver(trackOrKind, init)
    this.transceivers.push(transceiver)
    return transceiver
  }

  getTransceivers() {
    return this.transceivers
  }

  setLocalDescription = () => Promise.resolve()
  setRemoteDescription = () => Promise.resolve()
  addIceCandidate = () => Promise.resolve()
  restartIce() {}
  getStats = () => Promise.resolve(new Map())
  getConfiguration = () => this.config
  setConfiguration = (config: RTCConfiguration) => {
    this.configured = config
  }
  configured: RTCConfiguration | null = null
  close() {
    this.closed = true
  }
}

class FakeStream {
  readonly tracks: unknown[]
  constructor(tracks: unknown[]) {
    this.tracks = tracks
  }
}

const ON: MediaFlags = { audio: true, video: true, screen: false, audio_only: false }
const mic = { kind: 'audio', id: 'mic' } as unknown as MediaStreamTrack
const camera = { kind: 'video', id: 'cam' } as unknown as MediaStreamTrack

function hello(peerId: string, userId: string, flags: Partial<MediaFlags> = {}): MediaFrame {
  return { type: 'media.hello', peer_id: peerId, user_id: userId, room_id: null, ...ON, ...flags }
}

let sent: RoomAction[]
let rooms: Record<string, string | null>
let session: MeshSession

function makeSession() {
  return new MeshSession({
    iceServers: [{ urls: ['stun:stun.example.org'] }],
    send: (action) => {
      sent.push(action)
      return true
    },
    inMyRoom: (userId) => (rooms[userId] ?? null) === (rooms.me ?? null),
    localLevel: () => 0,
    createConnection: (config) => new FakeConnection(config) as unknown as RTCPeerConnection,
  })
}

beforeEach(() => {
  sent = []
  rooms = {}
  FakeConnection.made = []
  vi.stubGlobal('MediaStream', FakeStream)
  session = makeSession()
})

afterEach(() => {
  session.close()
})

describe('the mesh', () => {
  it('says hello with what it sends once it joins', () => {
    session.setLocal({ audio: mic, camera, screen: null }, ON)
    expect(sent).toEqual([])
    session.start('m-peer')
    expect(sent).toEqual([{ type: 'media.hello', ...ON }])
  })

  it('answers a newcomer’s hello and connects; as the polite side it waits for their offer', () => {
    session.start('a-me')
    sent.length = 0
    session.handle(hello('b-sana', 'sana', { video: false }))
    expect(sent).toEqual([{ type: 'media.state', to: 'b-sana', ...NO_MEDIA }])
    expect(FakeConnection.made).toHaveLength(1)
    expect(FakeConnection.made[0]!.config.iceServers).toEqual([{ urls: ['stun:stun.example.org'] }])
    expect(FakeConnection.made[0]!.transceivers).toEqual([])
    expect(session.getSnapshot().peers).toEqual([
      expect.objectContaining({ peerId: 'b-sana', userId: 'sana', audio: true, video: false, sharing: false }),
    ])
    expect(session.getSnapshot().links).toEqual({ 'b-sana': 'connecting' })
  })

  it('as the impolite side lays out microphone, camera and screen, in that order, with its tracks', () => {
    session.setLocal({ audio: mic, camera, screen: null }, ON)
    session.start('z-me')
    session.handle({ type: 'media.state', peer_id: 'b-sana', user_id: 'sana', ...ON })
    const [audio, video, screen] = FakeConnection.made[0]!.transceivers
    expect([audio?.kind, video?.kind, screen?.kind]).toEqual(['audio', 'video', 'video'])
    expect([audio?.sender.track, video?.sender.track, screen?.sender.track]).toEqual([mic, camera, null])
    expect([audio?.direction, video?.direction, screen?.direction]).toEqual(['sendrecv', 'sendrecv', 'sendrecv'])
  })

  it('audio only: sends no camera and asks for none, but keeps shared screens', async () => {
    session.setLocal({ audio: mic, camera, screen: null }, ON)
    session.start('z-me')
    session.handle(hello('b-sana', 'sana'))
    session.setLocal({ audio: mic, camera: null, screen: null }, { ...ON, video: false, audio_only: true })
    await Promise.resolve()
    const [audio, video, screen] = FakeConnection.made[0]!.transceivers
    expect(video?.direction).toBe('inactive')
    expect(video?.sender.track).toBeNull()
    expect(audio?.direction).toBe('sendrecv')
    expect(screen?.direction).toBe('sendrecv')
    expect(sent.at(-1)).toEqual({ type: 'media.state', audio: true, video: false, screen: false, audio_only: true })
  })

  it('tells everyone when what it sends changes, and only then', () => {
    session.setLocal({ audio: mic, camera, screen: null }, ON)
    session.start('a-me')
    sent.length = 0
    session.setLocal({ audio: mic, camera, screen: null }, ON)
    expect(sent).toEqual([])
    session.setLocal({ audio: mic, camera, screen: null }, { ...ON, audio: false })
    expect(sent).toEqual([{ type: 'media.state', ...ON, audio: false }])
  })

  it('leaves people in other breakout rooms alone, and connects when they come into this one', () => {
    rooms = { sana: 'room-2' }
    session.start('a-me')
    sent.length = 0
    session.handle(hello('b-sana', 'sana'))
    expect(sent).toEqual([])
    expect(FakeConnection.made).toHaveLength(0)
    // A stray offer from another room opens nothing either.
    session.handle({ type: 'rtc.signal', from: 'b-sana', user_id: 'sana', description: { type: 'offer', sdp: 'x' } })
    expect(FakeConnection.made).toHaveLength(0)

    rooms = {}
    session.reconsiderRooms()
    expect(FakeConnection.made).toHaveLength(1)
    expect(sent).toEqual([{ type: 'media.state', to: 'b-sana', ...NO_MEDIA }])

    rooms = { me: 'room-1' }
    session.reconsiderRooms()
    expect(FakeConnection.made[0]!.closed).toBe(true)
    expect(session.getSnapshot().peers).toEqual([])
  })

  it('opens a connection for an offer from someone it has not heard from, but not for stray candidates', () => {
    session.start('a-me')
    session.handle({ type: 'rtc.signal', from: 'b-sana', user_id: 'sana', candidate: { candidate: 'candidate:1' } })
    session.handle({ type: 'rtc.signal', from: 'b-sana', user_id: 'sana', description: { type: 'answer', sdp: 'x' } })
    expect(FakeConnection.made).toHaveLength(0)
    session.handle({ type: 'rtc.signal', from: 'b-sana', user_id: 'sana', description: { type: 'offer', sdp: 'x' } })
    expect(FakeConnection.made).toHaveLength(1)
  })

  it('closes the connection of a peer that left', () => {
    session.start('a-me')
    session.handle(hello('b-sana', 'sana'))
    session.handle({ type: 'media.left', peer_id: 'b-sana', user_id: 'sana' })
    expect(FakeConnection.made[0]!.closed).toBe(true)
    expect(session.getSnapshot().peers).toEqual([])
  })

  it('starts over with a new peer id after a reconnect', () => {
    session.start('a-me')
    session.handle(hello('b-sana', 'sana'))
    sent.length = 0
    session.start('a-me-again')
    expect(FakeConnection.made[0]!.closed).toBe(true)
    expect(session.getSnapshot().peers).toEqual([])
    expect(sent).toEqual([{ type: 'media.hello', ...NO_MEDIA }])
    // Its own frames, relayed back, are ignored.
    session.handle(hello('a-me-again', 'me'))
    expect(FakeConnection.made).toHaveLength(1)
  })

  it('gives open and future connections renewed ICE servers', () => {
    session.start('a-me')
    session.handle(hello('b-sana', 'sana'))
    const renewed = [{ urls: ['turn:turn.example.org'], username: '1767225600:me', credential: 'new' }]
    session.setIceServers(renewed)
    expect(FakeConnection.made[0]!.configured?.iceServers).toEqual(renewed)
    session.handle(hello('c-bilal', 'bilal'))
    expect(FakeConnection.made[1]!.config.iceServers).toEqual(renewed)
  })

  it('ignores frames before joining', () => {
    session.handle(hello('b-sana', 'sana'))
    expect(sent).toEqual([])
    expect(FakeConnection.made).toHaveLength(0)
  })
})
