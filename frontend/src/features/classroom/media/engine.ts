/**
 * What the room's media provider needs of a way to carry video: the browsers' own mesh or a LiveKit server.
 * Both give the same snapshot, so the stage, the controls and the recorder do not care which one runs.
 */
import type { MediaFlags } from '../utils/protocol'
import type { RemotePeer } from './media-context'
import type { Quality } from './quality'

export interface LocalTracks {
  audio: MediaStreamTrack | null
  camera: MediaStreamTrack | null
  screen: MediaStreamTrack | null
}

export interface EngineSnapshot {
  /** Remote peers whose media this browser takes part in (the same breakout room). */
  peers: RemotePeer[]
  /** Connection quality per peer id. */
  quality: Readonly<Record<string, Quality | null>>
  /** This browser's own connection. */
  selfQuality: Quality | null
  /** Peer ids speaking now, and `local` for this browser. */
  speaking: ReadonlySet<string>
  /** The peer id (or `local`) heard most of late. */
  activeSpeaker: string | null
  /** 0: full quality; higher: the camera is sent smaller because the uplink struggles. */
  sendLevel: number
}

export const LOCAL_KEY = 'local'

export const EMPTY_ENGINE_SNAPSHOT: EngineSnapshot = {
  peers: [],
  quality: {},
  selfQuality: null,
  speaking: new Set(),
  activeSpeaker: null,
  sendLevel: 0,
}

export interface MediaEngine {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => EngineSnapshot
  /** What this browser sends now, and what it tells the others it sends. */
  setLocal: (tracks: LocalTracks, flags: MediaFlags) => void
  close: () => void
}
