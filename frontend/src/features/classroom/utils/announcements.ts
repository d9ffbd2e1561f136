/**
 * What a screen reader should hear about a change in the room: chat from others in the chat one reads,
 * new polls, and the breakout rooms; for tutors also hands going up, students arriving in the waiting
 * room, new questions and calls for help. Computed from the states before and after a frame, so replays
 * and duplicates (which change nothing) stay silent.
 */
import { roomNumber } from './breakout-state'
import { studentChatRoom } from './chat-rooms'
import type { RoomInput, RoomState } from './room-state'

export type Announcement =
  | { kind: 'chat'; name: string; body: string; toTutors: boolean }
  | { kind: 'hand'; name: string }
  | { kind: 'waiting'; name: string }
  | { kind: 'pollOpened' | 'pollClosed'; question: string }
  | { kind: 'question'; name: string | null }
  /** `room` is null when the student is not placed yet (and may choose when `choose`). */
  | { kind: 'breakoutStarted'; room: number | null; choose: boolean }
  | { kind: 'moved'; room: number | null }
  | { kind: 'broadcast'; body: string }
  | { kind: 'help'; name: string | null; room: number | null }
  | { kind: 'visit'; name: string }
  | { kind: 'breakoutEnded'; tutor: boolean }

function nameOf(state: RoomState, userId: string): string | null {
  return state.participants.find((p) => p.user_id === userId)?.name ?? null
}

export function announcementFor(previous: RoomState, next: RoomState, input: RoomInput): Announcement | null {
  if (previous === next || previous.phase !== 'in' || next.phase !== 'in') return null
  const me = next.me
  if (!me) return null
  switch (input.type) {
    case 'chat.message': {
      if (!('message' in input)) return null
      const message = input.message
      if (message.author_id === me.userId || previous.chat.some((m) => m.id === message.id)) return null
      // Students hear the chat they read; tutors the main room's and private messages from any room (each
      // room's chat is one choice away).
      const reading = me.tutor ? null : studentChatRoom(next)
      if ((message.room_id ?? null) !== reading && !(me.tutor && message.to_tutors)) return null
      return { kind: 'chat', name: message.author_name, body: message.body, toTutors: message.to_tutors }
    }
    case 'hand.raised': {
      if (!me.tutor || !('user_id' in input) || !input.user_id || previous.hands.includes(input.user_id)) return null
      const name = nameOf(next, input.user_id)
      return name ? { kind: 'hand', name } : null
    }
    case 'waiting.joined': {
      if (!me.tutor || !('participant' in input)) return null
      const person = input.participant
      return previous.waiting.some((p) => p.user_id === person.user_id) ? null : { kind: 'waiting', name: person.name }
    }
    case 'poll.opened':
    case 'poll.closed': {
      if (!('poll' in input) || input.actor_id === me.userId) return null
      const poll = input.poll
      const before = previous.polls.find((p) => p.id === poll.id)
      if (input.type === 'poll.opened') return before ? null : { kind: 'pollOpened', question: poll.question }
      return before?.status === 'closed' ? null : { kind: 'pollClosed', question: poll.question }
    }
    case 'qa.asked': {
      if (!me.tutor || !('question' in input) || previous.questions.some((q) => q.id === input.question.id)) return null
      return { kind: 'question', name: input.question.author_name }
    }
    case 'breakout.started': {
      if (me.tutor || !next.breakout || previous.breakout?.round.id === next.breakout.round.id) return null
      return {
        kind: 'breakoutStarted',
        room: roomNumber(next, next.breakout.myRoomId),
        choose: next.breakout.round.mode === 'choose',
      }
    }
    case 'breakout.moved': {
      if (!('user_id' in input) || input.user_id !== me.userId || !previous.breakout || !next.breakout) return null
      if (previous.breakout.myRoomId === next.breakout.myRoomId) return null
      return { kind: 'moved', room: roomNumber(next, next.breakout.myRoomId) }
    }
    case 'breakout.broadcast':
      return !me.tutor && 'body' in input ? { kind: 'broadcast', body: input.body } : null
    case 'breakout.help': {
      if (!('room_id' in input) || !('user_id' in input) || !input.room_id) return null
      return {
        kind: 'help',
        name: nameOf(next, input.user_id),
        room: roomNumber(next, input.room_id),
      }
    }
    case 'breakout.visit': {
      if (me.tutor || !('room_id' in input) || !('user_id' in input) || !next.breakout) return null
      if (!input.room_id || input.room_id !== next.breakout.myRoomId) return null
      const name = nameOf(next, input.user_id)
      return name ? { kind: 'visit', name } : null
    }
    case 'breakout.ended':
      if (!previous.breakout) return null
      if (me.tutor) return { kind: 'breakoutEnded', tutor: true }
      return previous.breakout.myRoomId ? { kind: 'breakoutEnded', tutor: false } : null
    default:
      return null
  }
}
