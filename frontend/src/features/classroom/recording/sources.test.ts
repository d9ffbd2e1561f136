import { describe, expect, it } from 'vitest'

import type { MediaContextValue, RemotePeer } from '../media/media-context'
import { compositionSources } from './sources'

/** Stand-ins for tracks and streams (jsdom has no MediaStream). */
function track(kind: 'audio' | 'video', id: string, { live = true, enabled = true } = {}) {
  return { kind, id, readyState: live ? 'live' : 'ended', enabled } as unknown as MediaStreamTrack
}
function stream(id: string, tracks: MediaStreamTrack[]): MediaStream {
  return {
    id,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  } as unknown as MediaStream
}
function peer(userId: string, overrides: Partial<RemotePeer> = {}): RemotePeer {
  return { peerId: `p-${userId}`, userId, stream: null, screen: null, audio: true, video: true, sharing: false, audioOnly: false, ...overrides }
}

const ME = 'tutor-1'
const camera = stream('cam', [track('video', 'cam-v'), track('audio', 'mic')])

function media(overrides: Partial<MediaContextValue> = {}): MediaContextValue {
  return { localStream: camera, screenStream: null, peers: [], stageUserId: null, ...overrides }
}

describe('what the recorder draws and hears', () => {
  it('has nothing without the room’s media', () => {
    expect(compositionSources(null, ME)).toEqual({ screen: null, camera: null, stage: null, audio: [] })
  })

  it('takes the tutor’s own shared screen first, else a peer’s', () => {
    const mine = stream('my-screen', [track('video', 's1')])
    const theirs = stream('their-screen', [track('video', 's2')])
    const bilal = peer('bilal', { sharing: true, screen: theirs })
    expect(compositionSources(media({ screenStream: mine, peers: [bilal] }), ME).screen).toBe(mine)
    expect(compositionSources(media({ peers: [bilal] }), ME).screen).toBe(theirs)
    expect(compositionSources(media({ peers: [{ ...bilal, sharing: false }] }), ME).screen).toBeNull()
  })

  it('leaves out a camera that is off, and finds the person on stage', () => {
    const off = stream('cam-off', [track('video', 'v', { enabled: false }), track('audio', 'mic')])
    expect(compositionSources(media({ localStream: off }), ME).camera).toBeNull()
    const sana = stream('sana', [track('video', 'sana-v'), track('audio', 'sana-a')])
    expect(compositionSources(media({ peers: [peer('sana', { stream: sana })], stageUserId: 'sana' }), ME).stage).toBe(sana)
    expect(compositionSources(media({ stageUserId: ME }), ME).stage).toBe(camera)
    expect(compositionSources(media({ stageUserId: 'nobody' }), ME).stage).toBeNull()
  })

  it('hears the microphone, every peer and shared tab audio once each, live tracks only', () => {
    const sana = stream('sana', [track('video', 'sana-v'), track('audio', 'sana-a')])
    const hamza = stream('hamza', [track('audio', 'hamza-a', { live: false })])
    const tab = stream('tab', [track('video', 'tab-v'), track('audio', 'tab-a')])
    const sources = compositionSources(
      media({ screenStream: tab, peers: [peer('sana', { stream: sana, screen: sana }), peer('hamza', { stream: hamza })] }),
      ME,
    )
    expect(sources.audio.map((t) => t.id)).toEqual(['mic', 'tab-a', 'sana-a'])
  })

  it('puts the whiteboard first when the tutor’s stage shows it', () => {
    expect(compositionSources(media({ stageView: 'board' }), ME).boardFirst).toBe(true)
    expect(compositionSources(media({ stageView: 'video' }), ME).boardFirst).toBe(false)
  })
})
