import { describe, expect, it } from 'vitest'

import { pickScreen, planStage, stageUserId, type ScreenInfo, type TileInfo } from './stage-layout'

const tutor: TileInfo = { key: 'p-tutor', userId: 'tutor', tutor: true, local: false }
const sana: TileInfo = { key: 'p-sana', userId: 'sana', tutor: false, local: false }
const me: TileInfo = { key: 'local', userId: 'me', tutor: false, local: true }
const tiles = [tutor, sana, me]

describe('who is on stage', () => {
  it('puts the spotlight first, then one’s pin, then the active speaker, then the tutor', () => {
    expect(stageUserId({ spotlight: 'sana', pinned: 'me', activeSpeaker: 'tutor', tiles })).toBe('sana')
    expect(stageUserId({ spotlight: null, pinned: 'me', activeSpeaker: 'sana', tiles })).toBe('me')
    expect(stageUserId({ spotlight: null, pinned: null, activeSpeaker: 'sana', tiles })).toBe('sana')
    expect(stageUserId({ spotlight: null, pinned: null, activeSpeaker: null, tiles })).toBe('tutor')
  })

  it('skips people who have no tile here (another breakout room, gone)', () => {
    expect(stageUserId({ spotlight: 'gone', pinned: 'also-gone', activeSpeaker: 'sana', tiles })).toBe('sana')
    expect(stageUserId({ spotlight: null, pinned: null, activeSpeaker: null, tiles: [sana, me] })).toBeNull()
  })
})

describe('the stage plan', () => {
  it('shows everyone alike in the grid', () => {
    expect(planStage({ layout: 'grid', tiles, screen: null, onStage: 'sana' })).toEqual({
      main: null,
      others: ['p-tutor', 'p-sana', 'local'],
    })
  })

  it('shows the person on stage large in the speaker view, the others in the strip', () => {
    expect(planStage({ layout: 'speaker', tiles, screen: null, onStage: 'sana' })).toEqual({
      main: { kind: 'tile', key: 'p-sana' },
      others: ['p-tutor', 'local'],
    })
    // Nobody chosen: the first remote tile rather than oneself.
    expect(planStage({ layout: 'speaker', tiles: [me, sana], screen: null, onStage: null }).main).toEqual({
      kind: 'tile',
      key: 'p-sana',
    })
  })

  it('prefers someone’s remote tile over their own second tab', () => {
    const otherTab: TileInfo = { key: 'p-me-2', userId: 'me', tutor: false, local: false }
    expect(planStage({ layout: 'speaker', tiles: [me, otherTab], screen: null, onStage: 'me' }).main).toEqual({
      kind: 'tile',
      key: 'p-me-2',
    })
  })

  it('gives a shared screen the main area in either layout, with every tile in the strip', () => {
    const screen: ScreenInfo = { key: 'p-tutor:screen', userId: 'tutor', local: false }
    for (const layout of ['grid', 'speaker'] as const) {
      expect(planStage({ layout, tiles, screen, onStage: 'sana' })).toEqual({
        main: { kind: 'screen', screen },
        others: ['p-tutor', 'p-sana', 'local'],
      })
    }
  })
})

describe('which shared screen', () => {
  const tutors = new Set(['tutor'])
  const mine: ScreenInfo = { key: 'local:screen', userId: 'me', local: true }
  const sanas: ScreenInfo = { key: 'p-sana:screen', userId: 'sana', local: false }
  const tutors1: ScreenInfo = { key: 'p-tutor:screen', userId: 'tutor', local: false }

  it('shows the tutor’s first, then another person’s, then one’s own', () => {
    expect(pickScreen([mine, sanas, tutors1], tutors)).toBe(tutors1)
    expect(pickScreen([mine, sanas], tutors)).toBe(sanas)
    expect(pickScreen([mine], tutors)).toBe(mine)
    expect(pickScreen([], tutors)).toBeNull()
  })
})
