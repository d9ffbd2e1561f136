import { describe, expect, it } from 'vitest'

import { buildPerson, buildTutorPerson, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'

import { EMPTY_ENGINE_SNAPSHOT, type EngineSnapshot } from './engine'
import type { LocalSnapshot } from './local-media'
import type { RemotePeer } from './media-context'
import { buildScreens, buildTiles } from './tiles'

const stream = (id: string) => ({ id }) as unknown as MediaStream
const me = buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' })
const sana = buildPerson({ name: 'Sana' })
const people = [buildTutorPerson(), me, sana]

const local: LocalSnapshot = {
  audio: { id: 'mic' } as MediaStreamTrack,
  camera: { id: 'cam' } as MediaStreamTrack,
  screen: null,
  stream: stream('local'),
  screenStream: null,
  micOn: true,
  audioProblem: null,
  videoProblem: null,
  busy: false,
}

function peer(overrides: Partial<RemotePeer>): RemotePeer {
  return {
    peerId: 'p',
    userId: 'u',
    stream: stream('s'),
    screen: null,
    audio: true,
    video: true,
    sharing: false,
    audioOnly: false,
    ...overrides,
  }
}

const engine: EngineSnapshot = {
  ...EMPTY_ENGINE_SNAPSHOT,
  peers: [peer({ peerId: 'p-sana', userId: sana.user_id, video: false }), peer({ peerId: 'p-tutor', userId: TUTOR_ID })],
  quality: { 'p-sana': 'poor', 'p-tutor': 'good' },
  selfQuality: 'fair',
  speaking: new Set(['p-tutor', 'local']),
}

describe('stage tiles', () => {
  it('lists tutors first and one’s own tile last, with names, video, sound, quality and speaking', () => {
    const tiles = buildTiles({
      people,
      me: { userId: STUDENT_ID, tutor: false, peerId: 'p-me' },
      local,
      engine,
      links: { 'p-sana': 'connecting', 'p-tutor': 'connected' },
      audioOnly: false,
      unknownName: 'Someone',
    })
    expect(tiles.map((tile) => [tile.key, tile.name, tile.video, tile.quality, tile.speaking, tile.link])).toEqual([
      ['p-tutor', 'Sir Imran', true, 'good', true, 'connected'],
      ['p-sana', 'Sana', false, 'poor', false, 'connecting'],
      ['local', 'Ayesha Khan', true, 'fair', true, null],
    ])
    expect(tiles.at(-1)).toMatchObject({ local: true, peerId: 'p-me', stream: stream('local'), audio: true })
  })

  it('shows no one’s video in audio-only mode, and names a stranger', () => {
    const tiles = buildTiles({
      people: [me],
      me: { userId: STUDENT_ID, tutor: false, peerId: null },
      local,
      engine: { ...engine, peers: [peer({ peerId: 'p-x', userId: 'x' })] },
      links: {},
      audioOnly: true,
      unknownName: 'Someone',
    })
    expect(tiles.map((tile) => [tile.name, tile.video, tile.audioOnly])).toEqual([
      ['Someone', false, false],
      ['Ayesha Khan', false, true],
    ])
  })

  it('shows the tutor’s shared screen over a student’s and one’s own', () => {
    const screens = buildScreens({
      people,
      me: { userId: STUDENT_ID },
      local: { ...local, screenStream: stream('my-screen') },
      engine: {
        ...engine,
        peers: [
          peer({ peerId: 'p-sana', userId: sana.user_id, sharing: true, screen: stream('sana-screen') }),
          peer({ peerId: 'p-tutor', userId: TUTOR_ID, sharing: true, screen: stream('tutor-screen') }),
          peer({ peerId: 'p-late', userId: 'late', sharing: true, screen: null }),
        ],
      },
      unknownName: 'Someone',
    })
    expect(screens.screens.map((screen) => screen.key)).toEqual(['p-sana:screen', 'p-tutor:screen', 'local:screen'])
    expect(screens.shown).toMatchObject({ key: 'p-tutor:screen', name: 'Sir Imran', stream: stream('tutor-screen') })
  })
})
