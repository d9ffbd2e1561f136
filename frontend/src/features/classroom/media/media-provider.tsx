import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'

import { useAdmittedRoom } from '../hooks/room-context'
import { canShareScreen } from '../utils/media-state'
import type { MediaFlags } from '../utils/protocol'
import { useMediaSettings } from './api'
import { RemoteAudio } from './components/remote-audio'
import { LOCAL_KEY } from './engine'
import { MediaContext, type MediaContextValue } from './media-context'
import { MediaRoomContext, type MediaRoomValue, type MediaStatus, type StageView } from './media-room-context'
import { stageUserId as pickStageUser, type Layout } from './stage-layout'
import { buildScreens, buildTiles } from './tiles'
import { useDevices } from './use-devices'
import { useLocalControls } from './use-local-controls'
import { useLocalMedia } from './use-local-media'
import { useMediaEngine } from './use-media-engine'
import { useMediaShortcuts } from './use-media-shortcuts'

/**
 * The room's video, audio and screen sharing: loads the class's media settings, runs the device check, then
 * the mesh or LiveKit session, and shares it all with the stage, the controls and the recorder. Without
 * media settings (a server without video) the room works as before: the whiteboard fills the stage.
 */
export function MediaProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const room = useAdmittedRoom()
  const { state, me, session } = room
  const send = room.send ?? room.act
  const settingsQuery = useMediaSettings(session.id)
  const settings = settingsQuery.data ?? null
  const { local, snapshot: localSnap } = useLocalMedia()
  const [joined, setJoined] = useState(false)
  const [devicesOpen, setDevicesOpen] = useState(false)
  const [layout, setLayout] = useState<Layout>('grid')
  const [view, setView] = useState<StageView>(state.board ? 'board' : 'video')
  const [pinned, setPinned] = useState<string | null>(null)
  const [volumes, setVolumes] = useState<Record<string, number>>({})

  const mode = settings?.mode ?? null
  // A browser without WebRTC (rare now) keeps the room as it was without video: the board and chat.
  const webrtc = typeof RTCPeerConnection !== 'undefined'
  let status: MediaStatus
  if (settingsQuery.isPending) status = 'loading'
  else if (!settings || (mode !== 'zoom' && !webrtc)) status = 'unavailable'
  else if (mode === 'zoom') status = 'zoom'
  else status = joined ? 'joined' : 'prejoin'
  const loadFailed =
    settingsQuery.isError && !(isApiError(settingsQuery.error) && [403, 404].includes(settingsQuery.error.status))

  // TURN credentials lapse (`ice_expires_at`): fetch new ones a few minutes before, for later ICE restarts.
  const expiresAt = settings?.ice_expires_at ?? null
  const { refetch } = settingsQuery
  useEffect(() => {
    if (!expiresAt) return
    const delay = Math.min(Math.max(Date.parse(expiresAt) - Date.now() - 5 * 60_000, 60_000), 2 ** 31 - 1)
    const timer = setTimeout(() => void refetch(), delay)
    return () => clearTimeout(timer)
  }, [expiresAt, refetch])

  // A mesh above its limit: newcomers start with the camera off (audio, the board and chat stay).
  const crowded = mode === 'mesh' && settings !== null && state.participants.length > settings.mesh_limit

  const { devices, refresh: refreshDevices } = useDevices(local, `${localSnap.audio?.id ?? ''}|${localSnap.camera?.id ?? ''}`)
  const controls = useLocalControls(local, devices)
  const { prefs } = controls

  // The device check opens what the person asked for last time.
  const prejoin = status === 'prejoin'
  const opened = useRef(false)
  useEffect(() => {
    if (!prejoin || opened.current || !local.supported) return
    opened.current = true
    void local.open({
      mic: prefs.mic,
      camera: prefs.camera && !prefs.audioOnly && !crowded,
      audioInput: prefs.audioInput,
      videoInput: prefs.videoInput,
      micOn: prefs.mic,
    })
  }, [prejoin, local, prefs, crowded])

  const audioOnly = prefs.audioOnly
  const flags: MediaFlags = {
    audio: localSnap.micOn && localSnap.audio !== null,
    video: localSnap.camera !== null && !audioOnly,
    screen: localSnap.screen !== null,
    audio_only: audioOnly,
  }

  const { snapshot: engineSnap, links } = useMediaEngine({
    joined,
    settings,
    sessionId: session.id,
    state,
    myUserId: me.userId,
    send,
    tracks: { audio: localSnap.audio, camera: localSnap.camera, screen: localSnap.screen },
    flags,
    localLevel: () => local.level(),
    onConnectFailed: () => notify(t('media.connectFailed'), 'error'),
  })

  const join = useCallback(
    (withDevices: boolean) => {
      local.resumeAudio()
      if (!withDevices) {
        local.closeCamera()
        local.closeMic()
      }
      setJoined(true)
    },
    [local],
  )

  const canShare = canShareScreen(state, settings?.screen_share ?? false) && local.canShareScreen
  // The tutor muted this person (or every student): the microphone goes off, and they may turn it on again.
  const lastMute = useRef(state.mutedAtSeq)
  useEffect(() => {
    if (state.mutedAtSeq === lastMute.current) return
    lastMute.current = state.mutedAtSeq
    if (!local.getSnapshot().micOn) return
    local.setMicOn(false)
    notify(t('media.mutedByTutor'), 'info')
  }, [state.mutedAtSeq, local, t])

  // Screen sharing withdrawn while sharing: stop.
  const mayShare = canShareScreen(state, settings?.screen_share ?? false)
  useEffect(() => {
    if (mayShare || !local.getSnapshot().screen) return
    local.stopScreen()
    notify(t('media.screenWithdrawn'), 'info')
  }, [mayShare, local, t, localSnap.screen])

  const unknownName = t('media.someone')
  const tiles = useMemo(
    () =>
      buildTiles({
        people: state.participants,
        me: { userId: me.userId, tutor: me.tutor, peerId: state.peerId },
        local: localSnap,
        engine: engineSnap,
        links,
        audioOnly,
        unknownName,
      }),
    [state.participants, me.userId, me.tutor, state.peerId, localSnap, engineSnap, links, audioOnly, unknownName],
  )
  const { shown: screen } = useMemo(
    () => buildScreens({ people: state.participants, me, local: localSnap, engine: engineSnap, unknownName }),
    [state.participants, me, localSnap, engineSnap, unknownName],
  )

  const spotlight = session.spotlight_user_id
  const activeKey = engineSnap.activeSpeaker
  const activeUser = activeKey === LOCAL_KEY ? me.userId : (tiles.find((tile) => tile.key === activeKey)?.userId ?? null)
  const stageUserId = joined ? pickStageUser({ spotlight, pinned, activeSpeaker: activeUser, tiles }) : null

  // The tutor's spotlight shows that person large for everyone; a screen share takes the stage when it starts.
  const [seenSpotlight, setSeenSpotlight] = useState(spotlight)
  if (spotlight !== seenSpotlight) {
    setSeenSpotlight(spotlight)
    if (spotlight) setLayout('speaker')
  }
  const screenKey = screen?.key ?? null
  const [seenScreen, setSeenScreen] = useState(screenKey)
  if (screenKey !== seenScreen) {
    setSeenScreen(screenKey)
    if (screenKey) setView('video')
  }

  // Pinning someone shows them large: the speaker view.
  const pin = useCallback((userId: string | null) => {
    setPinned(userId)
    if (userId) setLayout('speaker')
  }, [])

  const setVolume = useCallback((key: string, volume: number) => {
    setVolumes((current) => ({ ...current, [key]: Math.max(0, Math.min(1, volume)) }))
  }, [])

  const { toggleMic, toggleCamera } = controls
  useMediaShortcuts({ enabled: status === 'joined', toggleMic, toggleCamera })

  const sharedMedia = useMemo<MediaContextValue>(
    () => ({
      localStream: localSnap.stream,
      screenStream: localSnap.screenStream,
      peers: engineSnap.peers,
      stageUserId,
      stageView: view,
    }),
    [localSnap.stream, localSnap.screenStream, engineSnap.peers, stageUserId, view],
  )

  const value: MediaRoomValue = {
    status,
    settings,
    loadFailed,
    retryLoad: () => void refetch(),
    local: localSnap,
    devicesSupported: local.supported,
    prefs,
    devices,
    refreshDevices,
    switchDevice: controls.switchDevice,
    micLevel: () => local.level(),
    crowded,
    join,
    micOn: flags.audio,
    cameraOn: flags.video,
    sharing: flags.screen,
    audioOnly,
    canShare,
    toggleMic,
    toggleCamera,
    toggleScreen: controls.toggleScreen,
    setAudioOnly: controls.setAudioOnly,
    setPrejoinMic: controls.setPrejoinMic,
    setPrejoinCamera: controls.setPrejoinCamera,
    devicesOpen,
    setDevicesOpen,
    layout,
    setLayout,
    view,
    setView,
    pinned,
    setPinned: pin,
    volumes,
    setVolume,
    tiles,
    screen,
    stageUserId,
    selfQuality: engineSnap.selfQuality,
    reducedVideo: engineSnap.sendLevel > 0 && flags.video,
  }

  return (
    <MediaContext value={sharedMedia}>
      <MediaRoomContext value={value}>
        {children}
        {status === 'joined' &&
          engineSnap.peers.map((peer) => (
            <RemoteAudio
              key={peer.peerId}
              stream={peer.stream}
              volume={volumes[peer.peerId] ?? 1}
              sinkId={prefs.audioOutput}
              peerId={peer.peerId}
              userId={peer.userId}
            />
          ))}
      </MediaRoomContext>
    </MediaContext>
  )
}
