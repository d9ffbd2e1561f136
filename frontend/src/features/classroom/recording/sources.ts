import type { MediaContextValue } from '../media/media-context'

/** What the recorder draws and hears at one moment. */
export interface CompositionSources {
  /** A shared screen: this browser's, else the first one a peer shares. */
  screen: MediaStream | null
  /** The tutor's own camera, when it is on. */
  camera: MediaStream | null
  /** The person on the main stage, when they have video. */
  stage: MediaStream | null
  /** Every audio track of the class this browser receives or sends. */
  audio: MediaStreamTrack[]
  /** The tutor chose to show the whiteboard on their stage: it comes before a shared screen. */
  boardFirst?: boolean
}

export function hasLiveVideo(stream: MediaStream | null | undefined): stream is MediaStream {
  return !!stream && stream.getVideoTracks().some((track) => track.readyState === 'live' && track.enabled)
}

function liveAudio(stream: MediaStream | null | undefined): MediaStreamTrack[] {
  return stream ? stream.getAudioTracks().filter((track) => track.readyState === 'live') : []
}

/** The recorder's view of the room's media (nothing when the room has no media layer). */
export function compositionSources(media: MediaContextValue | null, myUserId: string): CompositionSources {
  if (!media) return { screen: null, camera: null, stage: null, audio: [] }
  const { localStream, screenStream, peers, stageUserId } = media
  const sharing = peers.find((peer) => peer.sharing && hasLiveVideo(peer.screen))
  const screen = hasLiveVideo(screenStream) ? screenStream : (sharing?.screen ?? null)
  const camera = hasLiveVideo(localStream) ? localStream : null
  let stage: MediaStream | null = null
  if (stageUserId === myUserId) stage = camera
  else if (stageUserId) {
    const peer = peers.find((candidate) => candidate.userId === stageUserId && hasLiveVideo(candidate.stream))
    stage = peer?.stream ?? null
  }
  const seen = new Set<string>()
  const audio: MediaStreamTrack[] = []
  for (const stream of [localStream, screenStream, ...peers.flatMap((peer) => [peer.stream, peer.screen])]) {
    for (const track of liveAudio(stream)) {
      if (seen.has(track.id)) continue
      seen.add(track.id)
      audio.push(track)
    }
  }
  return { screen, camera, stage, audio, boardFirst: media.stageView === 'board' }
}
