/**
 * What a screen reader should hear about a change in the room: chat from others, and for tutors the
 * hands going up and students arriving in the waiting room. Computed from the states before and after
 * a frame, so replays and duplicates (which change nothing) stay silent.
 */
import type { RoomInput, RoomState } from './room-state'

export type Announcement =
  | { kind: 'chat'; name: string; body: string; toTutors: boolean }
  | { kind: 'hand'; name: string }
  | { kind: 'waiting'; name: string }

export function announcementFor(previous: RoomState, next: RoomState, input: RoomInput): Announcement | null {
  if (previous === next || previous.phase !== 'in' || next.phase !== 'in') return null
  const me = next.me
  if (!me) return null
  switch (input.type) {
    case 'chat.message': {
      if (!('message' in input)) return null
      const message = input.message
      if (message.author_id === me.userId || previous.chat.some((m) => m.id === message.id)) return null
      return { kind: 'chat', name: message.author_name, body: message.body, toTutors: message.to_tutors }
    }
    case 'hand.raised': {
      if (!me.tutor || !('user_id' in input) || !input.user_id || previous.hands.includes(input.user_id)) return null
      const userId = input.user_id
      const name = next.participants.find((p) => p.user_id === userId)?.name
      return name ? { kind: 'hand', name } : null
    }
    case 'waiting.joined': {
      if (!me.tutor || !('participant' in input)) return null
      const person = input.participant
      return previous.waiting.some((p) => p.user_id === person.user_id) ? null : { kind: 'waiting', name: person.name }
    }
    default:
      return null
  }
}
