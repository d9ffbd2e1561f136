import { describe, expect, it } from 'vitest'

import {
  buildChatMessage,
  buildPerson,
  buildPoll,
  buildRound,
  buildWelcome,
  roomEvent,
  STUDENT_ID,
  TUTOR_ID,
} from '@/testing/classroom-factories'

import { announcementFor } from './announcements'
import { initialRoomState, roomReducer, type RoomInput, type RoomState } from './room-state'

const bilal = buildPerson({ name: 'Bilal Ahmed' })

function said(state: RoomState, input: RoomInput) {
  return announcementFor(state, roomReducer(state, input), input)
}

describe('room announcements', () => {
  const round = buildRound({ members: [[STUDENT_ID, bilal.user_id], []] })
  const [one] = round.rooms
  const inRoom = roomReducer(
    initialRoomState,
    buildWelcome({ last_seq: 1, participants: [bilal], breakout: { round, my_room_id: one!.id } }),
  )

  it('reads a student only the chat of the room they are in', () => {
    const main = buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'main' })
    const room = buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'room', room_id: one!.id })
    expect(said(inRoom, roomEvent(2, { type: 'chat.message', message: main }))).toBeNull()
    expect(said(inRoom, roomEvent(2, { type: 'chat.message', message: room }))).toMatchObject({ kind: 'chat', body: 'room' })
  })

  it('reads tutors private messages from any room, and calls for help', () => {
    const tutor = roomReducer(
      initialRoomState,
      buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, last_seq: 1, participants: [bilal], breakout: { round, my_room_id: null } }),
    )
    const whisper = buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'help', room_id: one!.id, to_tutors: true })
    const chatter = buildChatMessage({ author_id: bilal.user_id, author_name: 'Bilal Ahmed', body: 'hi', room_id: one!.id })
    expect(said(tutor, roomEvent(2, { type: 'chat.message', message: whisper }))).toMatchObject({ toTutors: true })
    expect(said(tutor, roomEvent(2, { type: 'chat.message', message: chatter }))).toBeNull()
    expect(
      said(tutor, roomEvent(2, { type: 'breakout.help', user_id: bilal.user_id, room_id: one!.id, room_name: 'Room 1' })),
    ).toEqual({ kind: 'help', name: 'Bilal Ahmed', room: 1 })
  })

  it('announces new polls to students but not to the tutor who started them, and not twice', () => {
    const poll = buildPoll({ question: 'Ready?' })
    const opened = { ...roomEvent(2, { type: 'poll.opened', poll }), actor_id: TUTOR_ID }
    expect(said(inRoom, opened)).toEqual({ kind: 'pollOpened', question: 'Ready?' })
    const tutor = roomReducer(initialRoomState, buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, last_seq: 1 }))
    expect(said(tutor, opened)).toBeNull()
    const known = roomReducer(inRoom, opened)
    expect(said(known, { ...opened, seq: 3 })).toBeNull()
  })

  it('tells a student where the round puts them and when it ends', () => {
    const fresh = roomReducer(initialRoomState, buildWelcome({ last_seq: 1 }))
    const next = buildRound({ mode: 'choose' })
    expect(said(fresh, roomEvent(2, { type: 'breakout.started', round: next }))).toEqual({
      kind: 'breakoutStarted',
      room: null,
      choose: true,
    })
    expect(said(inRoom, roomEvent(2, { type: 'breakout.ended', round_id: round.id }))).toEqual({
      kind: 'breakoutEnded',
      tutor: false,
    })
  })
})
