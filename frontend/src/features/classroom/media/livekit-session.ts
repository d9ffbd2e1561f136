/**
 * The class's video through a LiveKit server (`mode: livekit`): the same local tracks and toggles as the
 * mesh, published by source, and each remote participant (identity = user id) mapped to the same kind of
 * snapshot, so the stage shows the same tiles. `livekit-client` is loaded only when a class uses it.
 */
import type * as LiveKitModule from 'livekit-client'
import type { LocalTrackPublication, RemoteParticipant, Room } from 'livekit-client'

import type { MediaFlags, RoomAction } from '../utils/protocol'
import { EMPTY_ENGINE_SNAPSHOT, LOCAL_KEY, type EngineSnapshot, type LocalTracks, type MediaEngine } from './engine'
import type { RemotePeer } from './media-context'
import type { Quality } from './quality'
import { SpeakerTracker, type SpeakerSnapshot } from './speaker'

type LiveKit = typeof LiveKitModule

const LEVELS_INTERVAL_MS = 250

export interface LiveKitOptions {
  url: string
  token: string
  send: (action: RoomAction) => boolean
  inMyRoom: (userId: string) => boolean
  localLevel: () => number
  onError?: (error: unknown) => void
}

/** LiveKit's own grades as ours: its "good" is already a little short of excellent. */
export function qualityFromLiveKit(value: string): Quality | null {
  switch (value) {
    case 'excellent':
      return 'good'
    case 'good':
      return 'fair'
    case 'poor':
    case 'lost':
      return 'poor'
    default:
      return null
  }
}

interface StreamCache {
  key: string
  stream: MediaStream | null
}

export class LiveKitSession implements MediaEngine {
  private readonly options: LiveKitOptions
  private lk: LiveKit | null = null
  private room: Room | null = null
  private tracks: LocalTracks = { audio: null, camera: null, screen: null }
  private flags: MediaFlags = { audio: false, video: false, screen: false, audio_only: false }
  private listeners = new Set<() => void>()
  private snapshot: EngineSnapshot = EMPTY_ENGINE_SNAPSHOT
  private speakers = new SpeakerTracker()
  private speaking: SpeakerSnapshot = { speaking: new Set(), active: null }
  private streams = new Map<string, { camera: StreamCache; screen: StreamCache }>()
  private timer: ReturnType<typeof setInterval> | null = null
  private publishing: Promise<void> = Promise.resolve()
  private closed = false

  constructor(options: LiveKitOptions) {
    this.options = options
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): EngineSnapshot => this.snapshot

  async connect(): Promise<void> {
    const lk = await import('livekit-client')
    if (this.closed) return
    this.lk = lk
    const room = new lk.Room({ adaptiveStream: false, dynacast: true })
    this.room = room
    const refresh = () => {
      this.applySubscriptions()
      this.emit()
    }
    room
      .on(lk.RoomEvent.ParticipantConnected, refresh)
      .on(lk.RoomEvent.ParticipantDisconnected, refresh)
      .on(lk.RoomEvent.TrackPublished, refresh)
      .on(lk.RoomEvent.TrackUnpublished, refresh)
      .on(lk.RoomEvent.TrackSubscribed, refresh)
      .on(lk.RoomEvent.TrackUnsubscribed, refresh)
      .on(lk.RoomEvent.TrackMuted, refresh)
      .on(lk.RoomEvent.TrackUnmuted, refresh)
      .on(lk.RoomEvent.ConnectionQualityChanged, refresh)
      .on(lk.RoomEvent.Reconnected, refresh)
    await room.connect(this.options.url, this.options.token, { autoSubscribe: true })
    if (this.closed) {
      await room.disconnect()
      return
    }
    this.timer = setInterval(() => this.readLevels(), LEVELS_INTERVAL_MS)
    await this.publish()
    refresh()
  }

  setLocal(tracks: LocalTracks, flags: MediaFlags): void {
    const changed =
      flags.audio !== this.flags.audio ||
      flags.video !== this.flags.video ||
      flags.screen !== this.flags.screen ||
      flags.audio_only !== this.flags.audio_only
    this.tracks = tracks
    this.flags = flags
    // The room's socket hears it too: a microphone back on clears a tutor's mute, and the server checks screens.
    if (changed) this.options.send({ type: 'media.state', ...flags })
    void this.publish()
    this.applySubscriptions()
    this.emit()
  }

  /** Breakout rooms changed: receive only those in this browser's room. */
  reconsiderRooms(): void {
    this.applySubscriptions()
    this.emit()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    // The tracks belong to the page's local media, which stops them itself.
    void this.room?.disconnect(false)
    this.listeners.clear()
  }

  /** Publishes, replaces or withdraws each source so LiveKit sends exactly the local tracks (one change at a time). */
  private publish(): Promise<void> {
    this.publishing = this.publishing.then(() => this.publishNow()).catch((error: unknown) => this.options.onError?.(error))
    return this.publishing
  }

  private async publishNow(): Promise<void> {
    const lk = this.lk
    const room = this.room
    if (!lk || !room || this.closed) return
    const local = room.localParticipant
    const wanted: [LocalTrackPublication | undefined, MediaStreamTrack | null, (typeof lk.Track.Source)[keyof typeof lk.Track.Source]][] = [
      [local.getTrackPublication(lk.Track.Source.Microphone), this.tracks.audio, lk.Track.Source.Microphone],
      [local.getTrackPublication(lk.Track.Source.Camera), this.flags.audio_only ? null : this.tracks.camera, lk.Track.Source.Camera],
      [local.getTrackPublication(lk.Track.Source.ScreenShare), this.tracks.screen, lk.Track.Source.ScreenShare],
    ]
    for (const [publication, track, source] of wanted) {
      const current = publication?.track?.mediaStreamTrack ?? null
      if (current === track) continue
      if (publication?.track) await local.unpublishTrack(publication.track, false)
      if (track) await local.publishTrack(track, { source })
    }
    const mic = local.getTrackPublication(lk.Track.Source.Microphone)
    if (mic) {
      if (this.flags.audio && mic.isMuted) await mic.unmute()
      else if (!this.flags.audio && !mic.isMuted) await mic.mute()
    }
  }

  private applySubscriptions(): void {
    const lk = this.lk
    const room = this.room
    if (!lk || !room) return
    for (const participant of room.remoteParticipants.values()) {
      const here = this.options.inMyRoom(participant.identity)
      for (const publication of participant.trackPublications.values()) {
        const camera = publication.source === lk.Track.Source.Camera
        const wanted = here && !(camera && this.flags.audio_only)
        if (publication.isSubscribed !== wanted) publication.setSubscribed(wanted)
      }
    }
  }

  private streamFor(peerId: string, which: 'camera' | 'screen', tracks: (MediaStreamTrack | undefined)[]): MediaStream | null {
    const present = tracks.filter((track): track is MediaStreamTrack => track !== undefined)
    const key = present.map((track) => track.id).join(',')
    const cache = this.streams.get(peerId) ?? { camera: { key: '', stream: null }, screen: { key: '', stream: null } }
    this.streams.set(peerId, cache)
    if (cache[which].key !== key) cache[which] = { key, stream: present.length > 0 ? new MediaStream(present) : null }
    return cache[which].stream
  }

  private peerOf(lk: LiveKit, participant: RemoteParticipant): RemotePeer {
    const mic = participant.getTrackPublication(lk.Track.Source.Microphone)
    const camera = participant.getTrackPublication(lk.Track.Source.Camera)
    const screen = participant.getTrackPublication(lk.Track.Source.ScreenShare)
    const peerId = participant.sid
    const sharing = Boolean(screen?.track)
    return {
      peerId,
      userId: participant.identity,
      stream: this.streamFor(peerId, 'camera', [mic?.track?.mediaStreamTrack, camera?.track?.mediaStreamTrack]),
      screen: sharing ? this.streamFor(peerId, 'screen', [screen?.track?.mediaStreamTrack]) : null,
      audio: Boolean(mic && !mic.isMuted),
      video: Boolean(camera && !camera.isMuted && camera.track),
      sharing,
      audioOnly: false,
    }
  }

  private readLevels(): void {
    const room = this.room
    if (!room) return
    const levels = new Map<string, number>()
    if (this.flags.audio) levels.set(LOCAL_KEY, this.options.localLevel())
    for (const participant of room.remoteParticipants.values()) {
      if (this.options.inMyRoom(participant.identity)) levels.set(participant.sid, participant.audioLevel)
    }
    const speaking = this.speakers.update(levels, Date.now())
    if (speaking !== this.speaking) {
      this.speaking = speaking
      this.emit()
    }
  }

  private emit(): void {
    const lk = this.lk
    const room = this.room
    if (this.closed || !lk || !room) return
    const peers: RemotePeer[] = []
    const quality: Record<string, Quality | null> = {}
    for (const participant of room.remoteParticipants.values()) {
      if (!this.options.inMyRoom(participant.identity)) continue
      peers.push(this.peerOf(lk, participant))
      quality[participant.sid] = qualityFromLiveKit(participant.connectionQuality)
    }
    for (const peerId of this.streams.keys()) if (!(peerId in quality)) this.streams.delete(peerId)
    this.snapshot = {
      peers,
      quality,
      selfQuality: qualityFromLiveKit(room.localParticipant.connectionQuality),
      speaking: this.speaking.speaking,
      activeSpeaker: this.speaking.active,
      sendLevel: 0,
    }
    for (const listener of this.listeners) listener()
  }
}
