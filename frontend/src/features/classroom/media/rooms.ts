import type { RoomState } from '../utils/room-state'

/**
 * The room whose video someone is in during a breakout round: a student's breakout room, the room a tutor
 * is visiting, or the main room (null). Outside a round everyone is in the main room.
 */
export function mediaRoomOf(state: RoomState, userId: string): string | null {
  const breakout = state.breakout
  if (!breakout) return null
  const person = state.participants.find((p) => p.user_id === userId)
  const tutor = person ? person.role === 'tutor' : state.me?.userId === userId && state.me.tutor
  if (tutor) return breakout.visits[userId] ?? null
  return breakout.round.rooms.find((room) => room.members.includes(userId))?.id ?? null
}

/** A key that changes whenever anyone's media room changes, so connections are reconsidered then only. */
export function mediaRoomsKey(state: RoomState): string {
  const breakout = state.breakout
  if (!breakout) return ''
  const rooms = breakout.round.rooms.map((room) => `${room.id}:${[...room.members].sort().join(',')}`)
  const visits = Object.entries(breakout.visits)
    .filter(([, room]) => room)
    .map(([tutor, room]) => `${tutor}>${room}`)
    .sort()
  return `${breakout.round.id}|${rooms.join(';')}|${visits.join(';')}`
}
