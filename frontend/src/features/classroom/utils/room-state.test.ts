import { describe, expect, it } from 'vitest'

import {
  buildChatMessage,
  buildPerson,
  buildTutorPerson,
  buildWelcome,
  roomEvent,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'
import { buildBoard, buildElement } from '@/testing/whiteboard-factories'

import type { WelcomeFrame } from './protocol'
import { handOrder, initialRoomState, isNewEvent, roomReducer, type RoomInput, type RoomState } from './room-state'

function run(frames: RoomInput[], state: RoomState = initialRoomState): RoomState {
  return frames.reduce(roomReducer, state)
}

const bilal = buildPerson({ name: 'Bilal' })
const sana = buildPerson({ name: 'Sana' })

function welcome(overrides: Parameters<typeof buildWelcome>[0] = {}): WelcomeFrame {
  return buildWelcome({
    participants: [buildTutorPerson(), buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' }), bilal, sana],
    ...overrides,
  })
}

describe('room state', () => {
  it('starts from the welcome snapshot', () => {
    const message = buildChatMessage({ body: 'Hello class' })
    const state = run([welcome({ last_seq: 7, hands: [sana.user_id, bilal.user_id], chat: [message] })])

    expect(state.phase).toBe('in')
    expect(state.me).toEqual({ userId: STUDENT_ID, tutor: false })
    expect(state.session?.title).toBe('Algebra revision')
    expect(state.lastSeq).toBe(7)
    expect(state.participants).toHaveLength(4)
    expect(state.hands).toEqual([sana.user_id, bilal.user_id])
    expect(state.chat).toEqual([message])
    expect(state.waiting).toEqual([])
  })

  it('waits in the waiting room until the welcome arrives', () => {
    const waiting = run([{ type: 'waiting', message: 'The tutor will let you in shortly.' }])
    expect(waiting.phase).toBe('waiting')
    expect(run([welcome()], waiting).phase).toBe('in')
  })

  it('tracks lastSeq and ignores duplicate and old events, as replayed after a reconnect', () => {
    const message = buildChatMessage({ body: 'Once' })
    const state = run([
      welcome({ last_seq: 10 }),
      roomEvent(11, { type: 'chat.message', message }),
      roomEvent(11, { type: 'chat.message', message }),
      roomEvent(9, { type: 'hand.raised', user_id: bilal.user_id }),
      roomEvent(12, { type: 'hand.raised', user_id: sana.user_id }),
      roomEvent(12, { type: 'hand.raised', user_id: bilal.user_id }),
    ])

    expect(state.lastSeq).toBe(12)
    expect(state.chat).toEqual([message])
    expect(state.hands).toEqual([sana.user_id])
    expect(isNewEvent(state, roomEvent(12, { type: 'room.locked' }))).toBe(false)
    expect(isNewEvent(state, roomEvent(13, { type: 'room.locked' }))).toBe(true)
  })

  it('takes a fresh welcome as the truth and skips the replay it already covers', () => {
    const before = run([welcome({ last_seq: 10 }), roomEvent(11, { type: 'hand.raised', user_id: bilal.user_id })])
    const message = buildChatMessage({ body: 'Sent while you were away' })
    const after = run(
      [
        welcome({ last_seq: 13, hands: [bilal.user_id, sana.user_id], chat: [message] }),
        roomEvent(12, { type: 'hand.raised', user_id: sana.user_id }),
        roomEvent(13, { type: 'chat.message', message }),
        roomEvent(14, { type: 'hand.lowered', user_id: bilal.user_id }),
      ],
      before,
    )

    expect(after.chat).toEqual([message])
    expect(after.hands).toEqual([sana.user_id])
    expect(after.lastSeq).toBe(14)
  })

  it('keeps hands in the order they went up', () => {
    const state = run([
      welcome({ last_seq: 1 }),
      roomEvent(2, { type: 'hand.raised', user_id: sana.user_id, at: '2026-03-02T10:01:00Z' }),
      roomEvent(3, { type: 'hand.raised', user_id: bilal.user_id, at: '2026-03-02T10:02:00Z' }),
      roomEvent(4, { type: 'hand.raised', user_id: STUDENT_ID, at: '2026-03-02T10:03:00Z' }),
      roomEvent(5, { type: 'hand.lowered', user_id: bilal.user_id }),
      roomEvent(6, { type: 'hand.raised', user_id: bilal.user_id, at: '2026-03-02T10:04:00Z' }),
    ])

    expect(state.hands).toEqual([sana.user_id, STUDENT_ID, bilal.user_id])
    expect(handOrder(state, STUDENT_ID)).toBe(2)
    expect(handOrder(state, TUTOR_ID)).toBeNull()
    expect(state.participants.find((p) => p.user_id === sana.user_id)?.hand_raised_at).toBe('2026-03-02T10:01:00Z')
  })

  it('drops the hand of someone who leaves', () => {
    const state = run([
      welcome({ last_seq: 1, hands: [bilal.user_id, sana.user_id] }),
      roomEvent(2, { type: 'presence.left', user_id: bilal.user_id }),
    ])
    expect(state.hands).toEqual([sana.user_id])
    expect(state.participants.map((p) => p.name)).not.toContain('Bilal')
  })

  it('adds private messages to the tutor and marks deleted messages', () => {
    const secret = buildChatMessage({ author_id: STUDENT_ID, author_name: 'Ayesha Khan', body: 'I am lost', to_tutors: true })
    const link = buildChatMessage({ body: 'See https://ustad.pk', links: ['https://ustad.pk'] })
    const state = run([
      welcome({ last_seq: 1 }),
      roomEvent(2, { type: 'chat.message', message: secret }),
      roomEvent(3, { type: 'chat.message', message: link }),
      roomEvent(4, { type: 'chat.deleted', message_id: link.id }),
    ])

    expect(state.chat).toHaveLength(2)
    expect(state.chat[0]).toMatchObject({ to_tutors: true, body: 'I am lost' })
    expect(state.chat[1]).toMatchObject({ deleted: true, body: '', links: [] })
  })

  it('mutes one person or every student', () => {
    const one = run([welcome({ last_seq: 1 }), roomEvent(2, { type: 'participant.muted', user_id: bilal.user_id })])
    expect(one.participants.filter((p) => p.muted).map((p) => p.name)).toEqual(['Bilal'])

    const all = run([roomEvent(3, { type: 'participant.muted', user_id: null })], one)
    expect(all.participants.filter((p) => p.muted)).toHaveLength(3)
    expect(all.participants.find((p) => p.role === 'tutor')?.muted).toBe(false)
  })

  it('removes a student, and sends me out when I am the one removed', () => {
    const other = run([
      welcome({ last_seq: 1, hands: [bilal.user_id] }),
      roomEvent(2, { type: 'participant.removed', user_id: bilal.user_id }),
    ])
    expect(other.phase).toBe('in')
    expect(other.participants.map((p) => p.name)).not.toContain('Bilal')
    expect(other.hands).toEqual([])

    const me = run([roomEvent(3, { type: 'participant.removed', user_id: STUDENT_ID })], other)
    expect(me.phase).toBe('removed')
  })

  it('ends the class', () => {
    const state = run([
      welcome({ last_seq: 1, hands: [bilal.user_id] }),
      roomEvent(2, { type: 'class.ended' }),
    ])
    expect(state.phase).toBe('ended')
    expect(state.session?.status).toBe('ended')
    expect(state.hands).toEqual([])
  })

  it('runs the waiting room for tutors', () => {
    const zara = buildPerson({ name: 'Zara' })
    const umar = buildPerson({ name: 'Umar' })
    const tutor = welcome({ you: { user_id: TUTOR_ID, tutor: true }, last_seq: 1, waiting: [zara] })
    const state = run([
      tutor,
      roomEvent(2, { type: 'waiting.joined', participant: umar }),
      roomEvent(3, { type: 'waiting.joined', participant: umar }),
      roomEvent(4, { type: 'waiting.admitted', user_id: zara.user_id }),
      roomEvent(5, { type: 'presence.joined', participant: zara }),
    ])
    expect(state.waiting.map((p) => p.name)).toEqual(['Umar'])
    expect(state.participants.map((p) => p.name)).toContain('Zara')

    const denied = run([roomEvent(6, { type: 'waiting.denied', user_id: umar.user_id })], state)
    expect(denied.waiting).toEqual([])
    expect(denied.phase).toBe('in')
  })

  it('sends a waiting student away when denied', () => {
    const state = run([{ type: 'waiting' }, roomEvent(3, { type: 'waiting.denied', user_id: STUDENT_ID })], {
      ...initialRoomState,
      me: { userId: STUDENT_ID, tutor: false },
    })
    expect(state.phase).toBe('denied')
  })

  it('follows the lock, the spotlight and the start', () => {
    const state = run([
      welcome({ last_seq: 1, session: { status: 'scheduled' } }),
      roomEvent(2, { type: 'class.started' }),
      roomEvent(3, { type: 'room.locked' }),
      roomEvent(4, { type: 'room.spotlight', user_id: bilal.user_id }),
    ])
    expect(state.session).toMatchObject({ status: 'live', locked: true, spotlight_user_id: bilal.user_id })
    expect(run([roomEvent(5, { type: 'room.unlocked' })], state).session?.locked).toBe(false)
  })

  it('counts unknown numbered events so later features never replay', () => {
    const state = run([welcome({ last_seq: 1 }), { type: 'whiteboard.changed', seq: 2, actor_id: null, at: '' } as unknown as RoomInput])
    expect(state.lastSeq).toBe(2)
  })

  it('keeps the board from the welcome, and leaves strokes to the whiteboard', () => {
    const board = buildBoard({ can_draw: true })
    const state = run([welcome({ last_seq: 3, board })])
    expect(state.board?.pages).toEqual(board.pages)
    expect(state.board?.canDraw).toBe(true)
    const page = board.pages[0]!.id
    const strokes: RoomInput[] = [
      { type: 'board.update', page_id: page, elements: [buildElement()], user_id: bilal.user_id },
      { type: 'board.scene', page_id: page, scene_version: 1, elements: [buildElement()] },
      { type: 'board.in_sync', page_id: page, scene_version: 1 },
    ]
    expect(run(strokes, state)).toBe(state)
  })

  it('shows reactions as short-lived bubbles, outside the numbered log', () => {
    const shown = run([
      welcome({ last_seq: 5 }),
      { type: 'reaction', user_id: bilal.user_id, emoji: '👏' },
      { type: 'reaction', user_id: sana.user_id, emoji: '🎉' },
    ])
    expect(shown.lastSeq).toBe(5)
    expect(shown.reactions.map((r) => r.emoji)).toEqual(['👏', '🎉'])

    const gone = run([{ type: 'reaction.expired', id: shown.reactions[0]!.id }], shown)
    expect(gone.reactions.map((r) => r.emoji)).toEqual(['🎉'])
  })
})
