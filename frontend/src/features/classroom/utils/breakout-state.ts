/**
 * Breakout rooms in the room state: the open round and who is in which room, tutors' visits, calls for
 * help (tutors), and the notices students get (messages to every room, the call back to the main room).
 */
import type { BreakoutRound, StoredEvent, WelcomeFrame } from './protocol'
import type { RoomState } from './room-state'

export interface BreakoutState {
  round: BreakoutRound
  /** The room this person is in; null in the main room (always, for tutors). */
  myRoomId: string | null
  /** Tutor id → the room they are visiting (null or absent: the main room). */
  visits: Record<string, string | null>
  /** The latest message to every room, so co-tutors see what was said. */
  lastBroadcast: string | null
}

export interface HelpCall {
  /** The event's `seq`: unique, and dismissing one call never hides a later one. */
  id: number
  userId: string
  roomId: string
  at: string
}

export type RoomNotice = { id: number; kind: 'broadcast'; body: string } | { id: number; kind: 'ended' }

/** A few notices are plenty on screen; older ones make way. */
export const MAX_NOTICES = 3

function myRoomIn(round: BreakoutRound, userId: string | undefined): string | null {
  if (!userId) return null
  return round.rooms.find((room) => room.members.includes(userId))?.id ?? null
}

function withRoomNumbers(state: RoomState, round: BreakoutRound): Record<string, number> {
  const numbers = { ...state.roomNumbers }
  for (const room of round.rooms) numbers[room.id] = room.number
  return numbers
}

export function breakoutFromWelcome(state: RoomState, frame: WelcomeFrame): RoomState {
  const snapshot = frame.breakout ?? null
  if (!snapshot) {
    // The round ended while this client was away: the student is back in the main room all the same.
    const wasInRoom = Boolean(state.breakout?.myRoomId)
    const notices = wasInRoom
      ? [...state.notices.filter((notice) => notice.kind !== 'broadcast'), { id: frame.last_seq, kind: 'ended' as const }]
      : state.notices
    return { ...state, breakout: null, helpCalls: [], notices: notices.slice(-MAX_NOTICES) }
  }
  const same = state.breakout?.round.id === snapshot.round.id
  const roomIds = new Set(snapshot.round.rooms.map((room) => room.id))
  return {
    ...state,
    breakout: {
      round: snapshot.round,
      myRoomId: snapshot.my_room_id,
      visits: { ...(same ? (state.breakout?.visits ?? {}) : {}), ...(snapshot.visits ?? {}) },
      lastBroadcast: same ? (state.breakout?.lastBroadcast ?? null) : null,
    },
    roomNumbers: withRoomNumbers(state, snapshot.round),
    helpCalls: state.helpCalls.filter((call) => roomIds.has(call.roomId)),
  }
}

function moved(round: BreakoutRound, userId: string, roomId: string | null): BreakoutRound {
  return {
    ...round,
    rooms: round.rooms.map((room) => {
      const others = room.members.filter((id) => id !== userId)
      return { ...room, members: room.id === roomId ? [...others, userId] : others }
    }),
  }
}

export function applyBreakoutEvent(state: RoomState, event: StoredEvent): RoomState {
  const me = state.me?.userId
  switch (event.type) {
    case 'breakout.started': {
      const same = state.breakout?.round.id === event.round.id
      return {
        ...state,
        breakout: {
          round: event.round,
          myRoomId: myRoomIn(event.round, me),
          visits: same ? (state.breakout?.visits ?? {}) : {},
          lastBroadcast: same ? (state.breakout?.lastBroadcast ?? null) : null,
        },
        roomNumbers: withRoomNumbers(state, event.round),
        helpCalls: same ? state.helpCalls : [],
        notices: state.notices.filter((notice) => notice.kind !== 'ended'),
      }
    }
    case 'breakout.moved': {
      if (!state.breakout) return state
      const breakout = state.breakout
      return {
        ...state,
        breakout: {
          ...breakout,
          round: moved(breakout.round, event.user_id, event.room_id),
          myRoomId: event.user_id === me ? event.room_id : breakout.myRoomId,
        },
      }
    }
    case 'breakout.visit': {
      if (!state.breakout) return state
      const visiting = event.user_id === me && event.room_id !== null
      return {
        ...state,
        breakout: { ...state.breakout, visits: { ...state.breakout.visits, [event.user_id]: event.room_id } },
        // Going to the room answers its calls for help.
        helpCalls: visiting ? state.helpCalls.filter((call) => call.roomId !== event.room_id) : state.helpCalls,
      }
    }
    case 'breakout.broadcast': {
      const breakout = state.breakout ? { ...state.breakout, lastBroadcast: event.body } : null
      if (state.me?.tutor) return { ...state, breakout }
      const notice: RoomNotice = { id: event.seq, kind: 'broadcast', body: event.body }
      return { ...state, breakout, notices: [...state.notices, notice].slice(-MAX_NOTICES) }
    }
    case 'breakout.help': {
      const call: HelpCall = { id: event.seq, userId: event.user_id, roomId: event.room_id, at: event.at }
      // One call per student: asking again moves it to the end rather than adding another.
      return { ...state, helpCalls: [...state.helpCalls.filter((c) => c.userId !== event.user_id), call] }
    }
    case 'breakout.ended': {
      if (!state.breakout) return state
      const wasInRoom = state.breakout.myRoomId !== null
      const notices = state.notices.filter((notice) => notice.kind !== 'broadcast')
      return {
        ...state,
        breakout: null,
        helpCalls: [],
        notices: wasInRoom ? [...notices, { id: event.seq, kind: 'ended' as const }].slice(-MAX_NOTICES) : notices,
      }
    }
    default:
      return state
  }
}

/** The number of a breakout room (1, 2 …), or null when it is unknown. */
export function roomNumber(state: RoomState, roomId: string | null | undefined): number | null {
  if (!roomId) return null
  return state.roomNumbers[roomId] ?? null
}
