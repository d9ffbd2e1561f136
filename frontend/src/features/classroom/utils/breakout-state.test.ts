import { describe, expect, it } from 'vitest'

import { buildPerson, buildRound, buildWelcome, roomEvent, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'

import { roomNumber } from './breakout-state'
import { initialRoomState, roomReducer, type RoomInput, type RoomState } from './room-state'

function run(frames: RoomInput[], state: RoomState = initialRoomState): RoomState {
  return frames.reduce(roomReducer, state)
}

const bilal = buildPerson({ name: 'Bilal' })

describe('breakout rooms in the room state', () => {
  it('places me in my room when the round starts, and follows moves', () => {
    const round = buildRound({ members: [[bilal.user_id], [STUDENT_ID]] })
    const [one, two] = round.rooms
    const state = run([buildWelcome({ last_seq: 1 }), roomEvent(2, { type: 'breakout.started', round })])
    expect(state.breakout?.myRoomId).toBe(two!.id)
    expect(roomNumber(state, two!.id)).toBe(2)

    const moved = run([roomEvent(3, { type: 'breakout.moved', user_id: STUDENT_ID, room_id: one!.id })], state)
    expect(moved.breakout?.myRoomId).toBe(one!.id)
    expect(moved.breakout?.round.rooms.map((room) => room.members)).toEqual([[bilal.user_id, STUDENT_ID], []])

    const main = run([roomEvent(4, { type: 'breakout.moved', user_id: bilal.user_id, room_id: null })], moved)
    expect(main.breakout?.round.rooms[0]?.members).toEqual([STUDENT_ID])
    expect(main.breakout?.myRoomId).toBe(one!.id)
  })

  it('takes the open round from the welcome', () => {
    const round = buildRound({ mode: 'choose' })
    const state = run([buildWelcome({ breakout: { round, my_room_id: round.rooms[1]!.id } })])
    expect(state.breakout).toMatchObject({ myRoomId: round.rooms[1]!.id, visits: {} })
    expect(state.breakout?.round.mode).toBe('choose')
  })

  it("knows from the welcome which rooms the tutors are visiting", () => {
    const round = buildRound()
    const state = run([buildWelcome({ breakout: { round, my_room_id: null, visits: { [TUTOR_ID]: round.rooms[1]!.id } } })])
    expect(state.breakout?.visits).toEqual({ [TUTOR_ID]: round.rooms[1]!.id })
  })

  it('shows students messages to every room, and the call back to the main room', () => {
    const round = buildRound({ members: [[STUDENT_ID]] })
    const state = run([
      buildWelcome({ last_seq: 1 }),
      roomEvent(2, { type: 'breakout.started', round }),
      roomEvent(3, { type: 'breakout.broadcast', body: 'Two minutes left' }),
    ])
    expect(state.notices).toEqual([{ id: 3, kind: 'broadcast', body: 'Two minutes left' }])

    const ended = run([roomEvent(4, { type: 'breakout.ended', round_id: round.id })], state)
    expect(ended.breakout).toBeNull()
    expect(ended.notices).toEqual([{ id: 4, kind: 'ended' }])
    expect(run([{ type: 'notice.dismissed', id: 4 }], ended).notices).toEqual([])
    // Ending twice (a replay) changes nothing.
    expect(run([roomEvent(5, { type: 'breakout.ended', round_id: round.id })], ended).notices).toHaveLength(1)
  })

  it('tells a student who was away that the round is over', () => {
    const round = buildRound({ members: [[STUDENT_ID]] })
    const state = run([buildWelcome({ last_seq: 2, breakout: { round, my_room_id: round.rooms[0]!.id } })])
    const back = run([buildWelcome({ last_seq: 6, breakout: null })], state)
    expect(back.breakout).toBeNull()
    expect(back.notices).toEqual([{ id: 6, kind: 'ended' }])
  })

  it('collects calls for help for tutors, cleared by visiting the room or dismissing', () => {
    const round = buildRound({ members: [[bilal.user_id], [STUDENT_ID]] })
    const [one, two] = round.rooms
    const state = run([
      buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, last_seq: 1 }),
      roomEvent(2, { type: 'breakout.started', round }),
      roomEvent(3, { type: 'breakout.help', user_id: bilal.user_id, room_id: one!.id, room_name: 'Room 1' }),
      roomEvent(4, { type: 'breakout.help', user_id: STUDENT_ID, room_id: two!.id, room_name: 'Room 2' }),
      roomEvent(5, { type: 'breakout.help', user_id: bilal.user_id, room_id: one!.id, room_name: 'Room 1' }),
      roomEvent(6, { type: 'breakout.broadcast', body: 'Wrap up' }),
    ])
    expect(state.helpCalls.map((call) => [call.id, call.userId])).toEqual([
      [4, STUDENT_ID],
      [5, bilal.user_id],
    ])
    expect(state.notices).toEqual([])
    expect(state.breakout?.lastBroadcast).toBe('Wrap up')

    const visiting = run([roomEvent(7, { type: 'breakout.visit', user_id: TUTOR_ID, room_id: one!.id })], state)
    expect(visiting.breakout?.visits).toEqual({ [TUTOR_ID]: one!.id })
    expect(visiting.helpCalls.map((call) => call.id)).toEqual([4])
    expect(run([{ type: 'help.dismissed', id: 4 }], visiting).helpCalls).toEqual([])

    const ended = run([roomEvent(8, { type: 'breakout.ended', round_id: round.id })], visiting)
    expect(ended.helpCalls).toEqual([])
    expect(ended.notices).toEqual([])
    // Room numbers stay known, to read a room's chat after the round.
    expect(roomNumber(ended, two!.id)).toBe(2)
  })
})
