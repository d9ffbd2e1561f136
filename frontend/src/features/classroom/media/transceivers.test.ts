import { describe, expect, it, vi } from 'vitest'

import { SEND_LEVELS } from './adaptation'
import { applyPlan, applySendLevel, transceiverPlan, type Roles } from './transceivers'

const mic = { id: 'mic' } as MediaStreamTrack
const camera = { id: 'cam' } as MediaStreamTrack
const screen = { id: 'screen' } as MediaStreamTrack

function transceiver(direction: RTCRtpTransceiverDirection, track: MediaStreamTrack | null) {
  const replaceTrack = vi.fn((_track: MediaStreamTrack | null) => Promise.resolve())
  return { direction, sender: { track, replaceTrack }, replaceTrack }
}

describe('the three transceivers', () => {
  it('send everything both ways normally, and no camera either way in audio-only mode', () => {
    expect(transceiverPlan({ audio: mic, camera, screen: null }, false)).toEqual([
      { role: 'audio', kind: 'audio', direction: 'sendrecv', track: mic },
      { role: 'camera', kind: 'video', direction: 'sendrecv', track: camera },
      { role: 'screen', kind: 'video', direction: 'sendrecv', track: null },
    ])
    expect(transceiverPlan({ audio: mic, camera, screen }, true).map((p) => [p.role, p.direction, p.track])).toEqual([
      ['audio', 'sendrecv', mic],
      ['camera', 'inactive', null],
      ['screen', 'sendrecv', screen],
    ])
  })

  it('change only what differs', () => {
    const roles = { audio: transceiver('sendrecv', mic), camera: transceiver('sendrecv', camera), screen: transceiver('recvonly', null) }
    applyPlan(roles as unknown as Roles, transceiverPlan({ audio: mic, camera: null, screen }, false), () => undefined)
    expect(roles.audio.replaceTrack).not.toHaveBeenCalled()
    expect(roles.camera.replaceTrack).toHaveBeenCalledWith(null)
    expect(roles.screen.replaceTrack).toHaveBeenCalledWith(screen)
    expect(roles.screen.direction).toBe('sendrecv')
  })

  it('put a send level on every encoding, once the sender has some', async () => {
    const parameters: { encodings: RTCRtpEncodingParameters[] } = { encodings: [{ active: true }] }
    const sender = { getParameters: () => parameters, setParameters: vi.fn(() => Promise.resolve()) }
    expect(await applySendLevel(sender as unknown as RTCRtpSender, 2)).toBe(true)
    expect(sender.setParameters).toHaveBeenCalledWith({
      encodings: [{ active: true, scaleResolutionDownBy: SEND_LEVELS[2]!.scaleResolutionDownBy, maxBitrate: SEND_LEVELS[2]!.maxBitrate }],
    })
    const unnegotiated = { getParameters: () => ({ encodings: [] }), setParameters: vi.fn() }
    expect(await applySendLevel(unnegotiated as unknown as RTCRtpSender, 1)).toBe(false)
    expect(unnegotiated.setParameters).not.toHaveBeenCalled()
  })
})
