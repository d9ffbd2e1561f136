import { describe, expect, it } from 'vitest'

import { buildChatMessage, buildRound, buildWelcome, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'

import { messagesIn, studentChatRoom, tutorChatRooms } from './chat-rooms'
import { initialRoomState, roomReducer } from './room-state'

describe('chat by room', () => {
  const round = buildRound({ members: [[STUDENT_ID], []] })
  const [one, two] = round.rooms
  const main = buildChatMessage({ body: 'main' })
  const inOne = buildChatMessage({ body: 'one', room_id: one!.id })
  const earlier = buildChatMessage({ body: 'earlier', room_id: 'old-room' })

  it('gives a student their room chat while in a room', () => {
    const state = roomReducer(
      initialRoomState,
      buildWelcome({ chat: [main, inOne], breakout: { round, my_room_id: one!.id } }),
    )
    expect(studentChatRoom(state)).toBe(one!.id)
    expect(messagesIn(state.chat, studentChatRoom(state)).map((m) => m.body)).toEqual(['one'])
    expect(messagesIn(state.chat, null).map((m) => m.body)).toEqual(['main'])
  })

  it('lists the main room, the open rooms and earlier rooms with messages for tutors', () => {
    const state = roomReducer(
      initialRoomState,
      buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, chat: [main, inOne, earlier], breakout: { round, my_room_id: null } }),
    )
    expect(tutorChatRooms(state)).toEqual([
      { roomId: null, number: null },
      { roomId: one!.id, number: 1 },
      { roomId: two!.id, number: 2 },
      { roomId: 'old-room', number: null },
    ])
  })
})
