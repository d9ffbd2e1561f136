/**
 * The mesh's three transceivers per connection, always in this order: microphone, camera, shared screen.
 * The impolite side adds them; the other side gets them from the offer's m-lines in the same order, so
 * both read them by position.
 */
import { SEND_LEVELS } from './adaptation'
import type { LocalTracks } from './engine'

export interface Roles {
  audio: RTCRtpTransceiver
  camera: RTCRtpTransceiver
  screen: RTCRtpTransceiver
}

export function rolesOf(pc: Pick<RTCPeerConnection, 'getTransceivers'>): Roles | null {
  const [audio, camera, screen] = pc.getTransceivers()
  return audio && camera && screen ? { audio, camera, screen } : null
}

export interface TransceiverPlan {
  role: keyof Roles
  kind: 'audio' | 'video'
  direction: RTCRtpTransceiverDirection
  track: MediaStreamTrack | null
}

/**
 * What each transceiver carries. Tracks come and go by `replaceTrack`, so directions stay `sendrecv`,
 * except the camera's in audio-only mode: `inactive` both stops sending it and asks the other side not to.
 * Shared screens keep flowing then (they are the lesson).
 */
export function transceiverPlan(tracks: LocalTracks, audioOnly: boolean): TransceiverPlan[] {
  return [
    { role: 'audio', kind: 'audio', direction: 'sendrecv', track: tracks.audio },
    { role: 'camera', kind: 'video', direction: audioOnly ? 'inactive' : 'sendrecv', track: audioOnly ? null : tracks.camera },
    { role: 'screen', kind: 'video', direction: 'sendrecv', track: tracks.screen },
  ]
}

/** Puts a plan on a connection's transceivers, changing only what differs (a direction change renegotiates). */
export function applyPlan(roles: Roles, plan: TransceiverPlan[], onError: (error: unknown) => void): void {
  for (const { role, direction, track } of plan) {
    const transceiver = roles[role]
    if (transceiver.direction !== direction) transceiver.direction = direction
    if (transceiver.sender.track !== track) transceiver.sender.replaceTrack(track).catch(onError)
  }
}

/** Puts a send level on a camera's sender; false when it has no encodings yet (not negotiated). */
export async function applySendLevel(sender: RTCRtpSender, level: number): Promise<boolean> {
  const target = SEND_LEVELS[level]
  if (!target) return false
  const parameters = sender.getParameters()
  if (!parameters.encodings?.length) return false
  for (const encoding of parameters.encodings) {
    encoding.scaleResolutionDownBy = target.scaleResolutionDownBy
    encoding.maxBitrate = target.maxBitrate
  }
  await sender.setParameters(parameters)
  return true
}
