import { describe, expect, it } from 'vitest'

import { buildPerson, buildRound, buildTutorPerson, buildWelcome, roomEvent, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'

import { initialRoomState, roomReducer, type RoomInput } from '../utils/room-state'
import { mediaRoomOf, mediaRoomsKey } from './rooms'

const bilal = buildPerson({ name: 'Bilal' })
const people = [buildTutorPerson(), buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' }), bilal]

function run(frames: RoomInput[]) {
  return frames.reduce(roomReducer, initialRoomState)
}

describe('media rooms during breakouts', () => {
  it('puts everyone in the main room outside a round', () => {
    const state = run([buildWelcome({ participants: people })])
    expect(mediaRoomOf(state, STUDENT_ID)).toBeNull()
    expect(mediaRoomOf(state, TUTOR_ID)).toBeNull()
    expect(mediaRoomsKey(state)).toBe('')
  })

  it('follows students into their rooms and tutors into the room they visit', () => {
    const round = buildRound({ members: [[STUDENT_ID], [bilal.user_id]] })
    const [room1, room2] = round.rooms
    const state = run([
      buildWelcome({ participants: people, last_seq: 10 }),
      roomEvent(11, { type: 'breakout.started', round }),
    ])
    expect(mediaRoomOf(state, STUDENT_ID)).toBe(room1!.id)
    expect(mediaRoomOf(state, bilal.user_id)).toBe(room2!.id)
    expect(mediaRoomOf(state, TUTOR_ID)).toBeNull()
    const before = mediaRoomsKey(state)

    const visiting = run([
      buildWelcome({ participants: people, last_seq: 10 }),
      roomEvent(11, { type: 'breakout.started', round }),
      roomEvent(12, { type: 'breakout.visit', user_id: TUTOR_ID, room_id: room2!.id }),
    ])
    expect(mediaRoomOf(visiting, TUTOR_ID)).toBe(room2!.id)
    expect(mediaRoomsKey(visiting)).not.toBe(before)

    const moved = run([
      buildWelcome({ participants: people, last_seq: 10 }),
      roomEvent(11, { type: 'breakout.started', round }),
      roomEvent(12, { type: 'breakout.moved', user_id: STUDENT_ID, room_id: room2!.id }),
    ])
    expect(mediaRoomOf(moved, STUDENT_ID)).toBe(room2!.id)
    expect(mediaRoomsKey(moved)).not.toBe(before)
  })
})
