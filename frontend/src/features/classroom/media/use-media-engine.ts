import { useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react'

import type { MediaFlags, RoomAction } from '../utils/protocol'
import type { RoomState } from '../utils/room-state'
import type { MediaSettings } from './api'
import { EMPTY_ENGINE_SNAPSHOT, type EngineSnapshot, type LocalTracks, type MediaEngine } from './engine'
import type { LiveKitSession } from './livekit-session'
import { useMediaFrames } from './media-channel'
import { MeshSession, type LinkState, type MeshSnapshot } from './mesh-session'
import { mediaRoomOf, mediaRoomsKey } from './rooms'

const noSubscribe = () => () => undefined
const emptySnapshot = () => EMPTY_ENGINE_SNAPSHOT
const NO_LINKS: Readonly<Record<string, LinkState>> = {}

function iceConfig(servers: MediaSettings['ice_servers'] | undefined): RTCIceServer[] {
  return (servers ?? []).map((server) => ({ ...server }))
}

function isMeshSnapshot(snapshot: EngineSnapshot): snapshot is MeshSnapshot {
  return 'links' in snapshot
}

/**
 * Runs the class's video once this browser has joined it: a mesh of peer connections, or a LiveKit room.
 * Feeds it the room's media frames, this browser's tracks and flags, the breakout rooms, and a fresh start
 * after each reconnect (a new peer id).
 */
export function useMediaEngine({
  joined,
  settings,
  sessionId,
  state,
  myUserId,
  send,
  tracks,
  flags,
  localLevel,
  onConnectFailed,
}: {
  joined: boolean
  settings: MediaSettings | null
  sessionId: string
  state: RoomState
  myUserId: string
  send: (action: RoomAction) => boolean
  tracks: LocalTracks
  flags: MediaFlags
  localLevel: () => number
  onConnectFailed: (error: unknown) => void
}): { snapshot: EngineSnapshot; links: Readonly<Record<string, LinkState>> } {
  const [engine, setEngine] = useState<(MediaEngine & { reconsiderRooms: () => void }) | null>(null)
  const stateRef = useRef(state)
  useEffect(() => {
    stateRef.current = state
  })
  const readLevel = useEffectEvent(localLevel)
  const failed = useEffectEvent(onConnectFailed)

  // Fresh settings (new TURN credentials) must not start the video over: the engine reads them when made,
  // and takes new ICE servers as they come.
  const settingsRef = useRef(settings)
  useEffect(() => {
    settingsRef.current = settings
  })
  const mode = settings?.mode ?? null
  const livekitUrl = settings?.livekit?.url ?? null
  const iceServers = settings?.ice_servers
  useEffect(() => {
    if (!joined || mode === null || mode === 'zoom') return
    const livekit = settingsRef.current?.livekit ?? null
    const inMyRoom = (userId: string) => {
      const current = stateRef.current
      return mediaRoomOf(current, userId) === mediaRoomOf(current, myUserId)
    }
    const common = {
      send,
      inMyRoom,
      localLevel: () => readLevel(),
      onError: (error: unknown) => {
        if (import.meta.env.DEV) console.warn('media:', error)
      },
    }
    let created: (MediaEngine & { reconsiderRooms: () => void }) | null = null
    let cancelled = false
    if (mode === 'livekit' && livekit) {
      void import('./livekit-session').then(({ LiveKitSession }) => {
        if (cancelled) return
        const session: LiveKitSession = new LiveKitSession({ ...common, url: livekit.url, token: livekit.token })
        created = session
        setEngine(session)
        session.connect().catch((error: unknown) => failed(error))
      }, (error: unknown) => failed(error))
    } else {
      created = new MeshSession({ ...common, iceServers: iceConfig(settingsRef.current?.ice_servers) })
      setEngine(created)
    }
    return () => {
      cancelled = true
      created?.close()
      setEngine(null)
    }
  }, [joined, mode, livekitUrl, send, myUserId])

  useEffect(() => {
    if (engine instanceof MeshSession && iceServers) engine.setIceServers(iceConfig(iceServers))
  }, [engine, iceServers])

  // What this browser sends: before the hello below, so the hello carries it.
  const { audio, camera, screen } = tracks
  const { audio: audioOn, video, screen: sharing, audio_only: audioOnly } = flags
  useEffect(() => {
    engine?.setLocal({ audio, camera, screen }, { audio: audioOn, video, screen: sharing, audio_only: audioOnly })
  }, [engine, audio, camera, screen, audioOn, video, sharing, audioOnly])

  const peerId = state.peerId
  useEffect(() => {
    if (engine instanceof MeshSession && peerId) engine.start(peerId)
  }, [engine, peerId])

  const roomsKey = mediaRoomsKey(state)
  useEffect(() => {
    engine?.reconsiderRooms()
  }, [engine, roomsKey])

  useMediaFrames(sessionId, (frame) => {
    if (engine instanceof MeshSession) engine.handle(frame)
  })

  const snapshot = useSyncExternalStore(engine?.subscribe ?? noSubscribe, engine?.getSnapshot ?? emptySnapshot)
  return { snapshot, links: isMeshSnapshot(snapshot) ? snapshot.links : NO_LINKS }
}
