import { createContext, useContext } from 'react'

import type { MediaSettings } from './api'
import type { DeviceLists, DevicePrefs } from './devices'
import type { LocalSnapshot } from './local-media'
import type { LinkState } from './mesh-session'
import type { Quality } from './quality'
import type { Layout } from './stage-layout'

/**
 * Where the room's video stands: settings loading, none for this class (or the server has none), a Zoom
 * class, the device check before joining, or joined.
 */
export type MediaStatus = 'loading' | 'unavailable' | 'zoom' | 'prejoin' | 'joined'

/** One person's tile on the stage: their video, or their avatar when it is off. */
export interface Tile {
  /** `local` for this browser, else the remote peer id. */
  key: string
  peerId: string | null
  userId: string
  name: string
  avatarUrl: string | null
  tutor: boolean
  local: boolean
  stream: MediaStream | null
  /** Show their video (they send it and this browser is not audio-only). */
  video: boolean
  audio: boolean
  /** They asked not to receive video (a slow connection). */
  audioOnly: boolean
  speaking: boolean
  quality: Quality | null
  /** The connection to them (mesh); null for one's own tile and LiveKit. */
  link: LinkState | null
}

export interface ScreenShare {
  key: string
  peerId: string | null
  userId: string
  name: string
  local: boolean
  stream: MediaStream
}

export type StageView = 'video' | 'board'

export interface MediaRoomValue {
  status: MediaStatus
  settings: MediaSettings | null
  /** The settings could not be loaded for a reason worth retrying (not "this server has no video"). */
  loadFailed: boolean
  retryLoad: () => void
  local: LocalSnapshot
  /** Whether this browser can open cameras and microphones at all. */
  devicesSupported: boolean
  prefs: DevicePrefs
  devices: DeviceLists
  refreshDevices: () => void
  switchDevice: (kind: 'audioInput' | 'videoInput' | 'audioOutput', deviceId: string | null) => void
  /** The microphone's level now, 0–1, for meters. */
  micLevel: () => number
  /** More people than a mesh carries well: newcomers start with the camera off. */
  crowded: boolean
  /** Leaves the device check: with the devices as set there, or with neither camera nor microphone. */
  join: (withDevices: boolean) => void
  micOn: boolean
  cameraOn: boolean
  sharing: boolean
  audioOnly: boolean
  canShare: boolean
  toggleMic: () => void
  toggleCamera: () => void
  toggleScreen: () => void
  setAudioOnly: (on: boolean) => void
  /** Turns the microphone (or camera) on or off before joining, where nothing is sent yet. */
  setPrejoinMic: (on: boolean) => void
  setPrejoinCamera: (on: boolean) => void
  devicesOpen: boolean
  setDevicesOpen: (open: boolean) => void
  layout: Layout
  setLayout: (layout: Layout) => void
  view: StageView
  setView: (view: StageView) => void
  /** User id pinned on this screen only. */
  pinned: string | null
  setPinned: (userId: string | null) => void
  volumes: Readonly<Record<string, number>>
  setVolume: (tileKey: string, volume: number) => void
  tiles: Tile[]
  /** The shared screen on the main area, if anyone shares. */
  screen: ScreenShare | null
  stageUserId: string | null
  selfQuality: Quality | null
  /** The camera is sent smaller because the connection struggles. */
  reducedVideo: boolean
}

export const MediaRoomContext = createContext<MediaRoomValue | null>(null)

/** The room's video controls and tiles; null outside the media provider (tests of other panels). */
export function useMediaRoom(): MediaRoomValue | null {
  return useContext(MediaRoomContext)
}
