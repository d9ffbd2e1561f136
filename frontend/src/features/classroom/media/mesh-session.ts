/**
 * The class's video as a mesh: one `RTCPeerConnection` per other browser in the same (breakout) room,
 * signaled over the room's socket (docs/classroom.md, "Media frames on the room socket").
 *
 * Joining: this browser says `media.hello`; each peer answers with `media.state {to}` and both sides open a
 * connection. The impolite side (the larger peer id) lays out three transceivers, in this order, which both
 * sides then read by position: microphone, camera, shared screen. Tracks come and go with `replaceTrack`,
 * so turning a camera or a screen on needs no renegotiation; asking for no video (audio only) changes the
 * camera transceiver's direction, which renegotiates through the perfect-negotiation pattern.
 *
 * Every two seconds each link's statistics give its quality (`quality.ts`) and adapt what the camera sends
 * (`adaptation.ts`); four times a second the receivers' audio levels feed the speaker detection.
 */
import type { MediaFlags, MediaFrame, RoomAction } from '../utils/protocol'
import { adapt, initialAdaptation, WARM_UP_MS, type AdaptationState } from './adaptation'
import { EMPTY_ENGINE_SNAPSHOT, LOCAL_KEY, type EngineSnapshot, type LocalTracks, type MediaEngine } from './engine'
import type { RemotePeer } from './media-context'
import { isPolite, PeerLink, type SignalMessage } from './peer-connection'
import { classifyQuality, lossBetween, overallQuality, readLinkStats, type Quality } from './quality'
import { SpeakerTracker, type SpeakerSnapshot } from './speaker'
import { applyPlan, applySendLevel, rolesOf, transceiverPlan } from './transceivers'

export const STATS_INTERVAL_MS = 2000
export const LEVELS_INTERVAL_MS = 250

export const NO_MEDIA: MediaFlags = { audio: false, video: false, screen: false, audio_only: false }

export type LinkState = 'connecting' | 'connected' | 'failed'

export interface MeshSnapshot extends EngineSnapshot {
  links: Readonly<Record<string, LinkState>>
}

export interface MeshOptions {
  iceServers: RTCIceServer[]
  /** Sends a frame on the room's socket (quietly: signaling recovers by itself). */
  send: (action: RoomAction) => boolean
  /** Whether someone's media is in this browser's room now (breakout rooms). */
  inMyRoom: (userId: string) => boolean
  /** This browser's microphone level, 0–1. */
  localLevel: () => number
  createConnection?: (config: RTCConfiguration) => RTCPeerConnection
  onError?: (error: unknown) => void
}

interface MeshPeer {
  peerId: string
  userId: string
  flags: MediaFlags
  link: PeerLink | null
  pc: RTCPeerConnection | null
  stream: MediaStream | null
  screen: MediaStream | null
  lastInbound: { lost: number; received: number } | null
  quality: Quality | null
  adaptation: AdaptationState
  /** The send level last put on the camera's sender (null: none yet). */
  appliedLevel: number | null
  /** When the connection last became connected (for the bandwidth estimate's warm-up). */
  connectedAt: number | null
}

function sameFlags(a: MediaFlags, b: MediaFlags): boolean {
  return a.audio === b.audio && a.video === b.video && a.screen === b.screen && a.audio_only === b.audio_only
}

function flagsOf(frame: MediaFlags): MediaFlags {
  return { audio: !!frame.audio, video: !!frame.video, screen: !!frame.screen, audio_only: !!frame.audio_only }
}

export class MeshSession implements MediaEngine {
  private readonly options: MeshOptions
  private iceServers: RTCIceServer[]
  private readonly peers = new Map<string, MeshPeer>()
  private myPeerId: string | null = null
  private tracks: LocalTracks = { audio: null, camera: null, screen: null }
  private flags: MediaFlags = NO_MEDIA
  private listeners = new Set<() => void>()
  private snapshot: MeshSnapshot = { ...EMPTY_ENGINE_SNAPSHOT, links: {} }
  private speakers = new SpeakerTracker()
  private speaking: SpeakerSnapshot = { speaking: new Set(), active: null }
  private selfQuality: Quality | null = null
  private timers: ReturnType<typeof setInterval>[] = []
  private closed = false

  constructor(options: MeshOptions) {
    this.options = options
    this.iceServers = options.iceServers
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): MeshSnapshot => this.snapshot

  /**
   * Joins (or, with a new peer id after a reconnect, joins again): every old connection belonged to the old
   * socket, so they all go, and the others answer the new hello.
   */
  start(myPeerId: string): void {
    if (this.closed || this.myPeerId === myPeerId) return
    for (const peer of this.peers.values()) this.closeLink(peer)
    this.peers.clear()
    this.myPeerId = myPeerId
    this.options.send({ type: 'media.hello', ...this.flags })
    if (this.timers.length === 0) {
      this.timers.push(setInterval(() => void this.readStats(), STATS_INTERVAL_MS))
      this.timers.push(setInterval(() => this.readLevels(), LEVELS_INTERVAL_MS))
    }
    this.emit()
  }

  setLocal(tracks: LocalTracks, flags: MediaFlags): void {
    if (this.closed) return
    const changed = !sameFlags(this.flags, flags)
    this.tracks = tracks
    this.flags = flags
    for (const peer of this.peers.values()) this.attach(peer)
    if (changed && this.myPeerId) this.options.send({ type: 'media.state', ...flags })
    this.emit()
  }

  /** A media frame from the room's socket. */
  handle(frame: MediaFrame): void {
    if (this.closed) return
    switch (frame.type) {
      case 'media.hello': {
        if (frame.peer_id === this.myPeerId) return
        const known = this.peers.get(frame.peer_id)
        // The same peer saying hello again started its media over: so does this side.
        if (known?.link) this.closeLink(known)
        const peer = this.upsert(frame.peer_id, frame.user_id, flagsOf(frame))
        if (this.myPeerId && this.options.inMyRoom(peer.userId)) {
          this.options.send({ type: 'media.state', to: peer.peerId, ...this.flags })
          this.openLink(peer)
        }
        break
      }
      case 'media.state': {
        if (frame.peer_id === this.myPeerId) return
        const peer = this.upsert(frame.peer_id, frame.user_id, flagsOf(frame))
        if (this.myPeerId && !peer.link && this.options.inMyRoom(peer.userId)) this.openLink(peer)
        break
      }
      case 'media.left': {
        const peer = this.peers.get(frame.peer_id)
        if (!peer) return
        this.closeLink(peer)
        this.peers.delete(frame.peer_id)
        break
      }
      case 'rtc.signal': {
        if (!this.myPeerId) return
        let peer = this.peers.get(frame.from)
        if (!peer?.link) {
          // Only an offer opens a connection; stray candidates or answers for a closed one are dropped.
          if (frame.description?.type !== 'offer' || !this.options.inMyRoom(frame.user_id)) return
          peer ??= this.upsert(frame.from, frame.user_id, NO_MEDIA)
          this.openLink(peer)
        }
        const message: SignalMessage = {}
        if (frame.description) message.description = frame.description
        if (frame.candidate) message.candidate = frame.candidate
        void peer.link?.receive(message)
        return
      }
    }
    this.emit()
  }

  /** New ICE servers (a renewed TURN credential): used by every connection from its next ICE restart. */
  setIceServers(iceServers: RTCIceServer[]): void {
    this.iceServers = iceServers
    for (const peer of this.peers.values()) {
      try {
        peer.pc?.setConfiguration({ ...peer.pc.getConfiguration(), iceServers })
      } catch (error) {
        this.options.onError?.(error)
      }
    }
  }

  /** Breakout rooms changed: connect to those now in this room, and drop those who are not. */
  reconsiderRooms(): void {
    if (this.closed || !this.myPeerId) return
    for (const peer of this.peers.values()) {
      const here = this.options.inMyRoom(peer.userId)
      if (peer.link && !here) this.closeLink(peer)
      else if (!peer.link && here) {
        // Tell them what this side sends; it also prompts them to connect if they have not yet.
        this.options.send({ type: 'media.state', to: peer.peerId, ...this.flags })
        this.openLink(peer)
      }
    }
    this.emit()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    for (const peer of this.peers.values()) this.closeLink(peer)
    this.peers.clear()
    this.listeners.clear()
  }

  private upsert(peerId: string, userId: string, flags: MediaFlags): MeshPeer {
    const known = this.peers.get(peerId)
    if (known) {
      known.flags = flags
      return known
    }
    const peer: MeshPeer = {
      peerId,
      userId,
      flags,
      link: null,
      pc: null,
      stream: null,
      screen: null,
      lastInbound: null,
      quality: null,
      adaptation: initialAdaptation,
      appliedLevel: null,
      connectedAt: null,
    }
    this.peers.set(peerId, peer)
    return peer
  }

  private createConnection(): RTCPeerConnection {
    const config: RTCConfiguration = { iceServers: this.iceServers, bundlePolicy: 'max-bundle' }
    return this.options.createConnection?.(config) ?? new RTCPeerConnection(config)
  }

  private openLink(peer: MeshPeer): void {
    if (peer.link || !this.myPeerId) return
    const pc = this.createConnection()
    const polite = isPolite(this.myPeerId, peer.peerId)
    peer.pc = pc
    peer.link = new PeerLink(pc, {
      polite,
      send: (message) => this.signal(peer.peerId, message),
      beforeAnswer: () => this.attach(peer),
      onError: this.options.onError,
    })
    pc.addEventListener('track', () => this.emit())
    pc.addEventListener('connectionstatechange', () => {
      peer.connectedAt = pc.connectionState === 'connected' ? (peer.connectedAt ?? Date.now()) : null
      this.emit()
    })
    if (!polite) {
      for (const { kind, direction, track } of transceiverPlan(this.tracks, this.flags.audio_only)) {
        pc.addTransceiver(track ?? kind, { direction })
      }
      this.attach(peer)
    }
  }

  private closeLink(peer: MeshPeer): void {
    peer.link?.close()
    peer.link = null
    peer.pc = null
    peer.stream = null
    peer.screen = null
    peer.lastInbound = null
    peer.quality = null
    peer.adaptation = initialAdaptation
    peer.appliedLevel = null
    peer.connectedAt = null
  }

  private signal(to: string, message: SignalMessage): void {
    const action: RoomAction = { type: 'rtc.signal', to }
    if (message.description) action.description = message.description
    if (message.candidate) action.candidate = message.candidate
    this.options.send(action)
  }

  /** Puts this side's tracks and directions on a connection's transceivers, and builds its remote streams. */
  private attach(peer: MeshPeer): void {
    const roles = peer.pc ? rolesOf(peer.pc) : null
    if (!roles) return
    applyPlan(roles, transceiverPlan(this.tracks, this.flags.audio_only), (error) => this.options.onError?.(error))
    if (!peer.stream) {
      peer.stream = new MediaStream([roles.audio.receiver.track, roles.camera.receiver.track])
      peer.screen = new MediaStream([roles.screen.receiver.track])
    }
  }

  private async readStats(): Promise<void> {
    const linked = [...this.peers.values()].filter((peer) => peer.pc && peer.link)
    let changed = false
    await Promise.all(
      linked.map(async (peer) => {
        const pc = peer.pc
        if (!pc) return
        peer.link?.retryStalledOffer()
        if (pc.connectionState !== 'connected') return
        try {
          const report = await pc.getStats()
          const stats = readLinkStats(report.values() as Iterable<Record<string, unknown> & { type: string; id: string }>)
          const lossPercent = lossBetween(peer.lastInbound, stats.inbound)
          peer.lastInbound = stats.inbound
          const quality = classifyQuality({ rttMs: stats.rttMs, lossPercent, jitterMs: stats.jitterMs })
          if (quality !== peer.quality) {
            peer.quality = quality
            changed = true
          }
          const warm = peer.connectedAt !== null && Date.now() - peer.connectedAt >= WARM_UP_MS
          if (this.tracks.camera && !this.flags.audio_only && warm) {
            const next = adapt(peer.adaptation, stats)
            if (next.level !== peer.adaptation.level) changed = true
            peer.adaptation = next
          }
          if (this.tracks.camera && peer.appliedLevel !== peer.adaptation.level) {
            const sender = rolesOf(pc)?.camera.sender
            if (sender && (await applySendLevel(sender, peer.adaptation.level))) peer.appliedLevel = peer.adaptation.level
          }
        } catch (error) {
          this.options.onError?.(error)
        }
      }),
    )
    const selfQuality = overallQuality(linked.map((peer) => peer.quality))
    if (selfQuality !== this.selfQuality) {
      this.selfQuality = selfQuality
      changed = true
    }
    if (changed) this.emit()
  }

  private readLevels(): void {
    const levels = new Map<string, number>()
    if (this.flags.audio) levels.set(LOCAL_KEY, this.options.localLevel())
    for (const peer of this.peers.values()) {
      if (!peer.pc || !peer.flags.audio) continue
      const receiver = rolesOf(peer.pc)?.audio.receiver
      const source = receiver?.getSynchronizationSources?.()[0]
      levels.set(peer.peerId, source?.audioLevel ?? 0)
    }
    const speaking = this.speakers.update(levels, Date.now())
    if (speaking !== this.speaking) {
      this.speaking = speaking
      this.emit()
    }
  }

  private emit(): void {
    if (this.closed) return
    const peers: RemotePeer[] = []
    const quality: Record<string, Quality | null> = {}
    const links: Record<string, LinkState> = {}
    for (const peer of this.peers.values()) {
      if (!peer.link || !peer.pc) continue
      peers.push({
        peerId: peer.peerId,
        userId: peer.userId,
        stream: peer.stream,
        screen: peer.flags.screen ? peer.screen : null,
        audio: peer.flags.audio,
        video: peer.flags.video,
        sharing: peer.flags.screen,
        audioOnly: peer.flags.audio_only,
      })
      quality[peer.peerId] = peer.quality
      const state = peer.pc.connectionState
      links[peer.peerId] = state === 'connected' ? 'connected' : state === 'failed' ? 'failed' : 'connecting'
    }
    const level = Math.max(0, ...[...this.peers.values()].filter((peer) => peer.link).map((peer) => peer.adaptation.level))
    this.snapshot = {
      peers,
      quality,
      links,
      selfQuality: this.selfQuality,
      speaking: this.speaking.speaking,
      activeSpeaker: this.speaking.active,
      sendLevel: level,
    }
    for (const listener of this.listeners) listener()
  }
}
