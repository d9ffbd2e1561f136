/**
 * The room as this client sees it, rebuilt from the server's frames by one pure reducer.
 *
 * `welcome` is the authoritative snapshot; numbered events after it are applied once each: an event whose
 * `seq` is not above `lastSeq` was already seen (or is already part of the snapshot) and is ignored, so
 * the replay that follows a reconnect can never apply anything twice. Each handler is also idempotent,
 * because an event committed while the snapshot was being read can be in the snapshot and follow it too.
 */
import { applyBoardEvent, boardFromWelcome, type BoardState } from './board-state'
import { applyBreakoutEvent, breakoutFromWelcome, type BreakoutState, type HelpCall, type RoomNotice } from './breakout-state'
import { applyEngagementEvent, engagementFromWelcome, noteSent, type PollView } from './engagement-state'
import { applyMediaEvent, mediaFromWelcome } from './media-state'
import type {
  ChatMessage,
  Person,
  RoomAction,
  Recording,
  RoomQuestion,
  RoomSession,
  ServerFrame,
  StoredEvent,
  WelcomeFrame,
} from './protocol'

export type RoomPhase = 'connecting' | 'waiting' | 'in' | 'ended' | 'removed' | 'denied'

export interface ReactionBubble {
  id: number
  userId: string
  emoji: string
}

export interface RoomState {
  phase: RoomPhase
  me: { userId: string; tutor: boolean } | null
  /** This socket's id for the media frames (a new one after each reconnect); null from servers without media. */
  peerId: string | null
  session: RoomSession | null
  lastSeq: number
  /** Everyone admitted and connected, in the order they came in. */
  participants: Person[]
  /** User ids with a raised hand, in the order the hands went up. */
  hands: string[]
  chat: ChatMessage[]
  /** Students in the waiting room (tutors only). */
  waiting: Person[]
  /** Reactions on screen right now; each goes away with `reaction.expired`. */
  reactions: ReactionBubble[]
  nextReactionId: number
  /** Every poll of the class, newest last, each with this person's own vote. */
  polls: PollView[]
  questions: RoomQuestion[]
  /** Ids of the questions this person asked, anonymous ones included (matched as they come back). */
  myQuestions: string[]
  /** Ids of the questions this person upvoted: the server never says, so the client remembers. */
  upvoted: string[]
  /** Anonymous questions sent but not back yet (their text), to recognise them as one's own. */
  pendingAnonymous: string[]
  /** The open breakout round, or null. */
  breakout: BreakoutState | null
  /** The number of every breakout room seen, so tutors can still read a room's chat after the round. */
  roomNumbers: Record<string, number>
  /** Students calling for help (tutors only), oldest first. */
  helpCalls: HelpCall[]
  /** Messages to every room and the call back to the main room (students), oldest first. */
  notices: RoomNotice[]
  /** The whiteboard's pages and who may draw; null when the class has no whiteboard. */
  board: BoardState | null
  /** Students the tutor lets share their screen; null until a server with media says. */
  screenAllowed: string[] | null
  /** The class's latest recording (running, processing, or done), or null. */
  recording: Recording | null
  /**
   * The `seq` of the latest tutor's mute that reached this person (their own, or everyone's for a
   * student); the media layer turns the microphone off when it changes. 0: never muted.
   */
  mutedAtSeq: number
}

/** Frames from the server plus the client's own housekeeping. */
export type RoomInput =
  | ServerFrame
  | { type: 'reaction.expired'; id: number }
  /** An action this client sent: what the server does not echo back (one's vote, upvotes) is noted. */
  | { type: 'sent'; action: RoomAction }
  | { type: 'help.dismissed' | 'notice.dismissed'; id: number }
  /** A peer's microphone came on (its media frame said so): that clears a tutor's mute of the person. */
  | { type: 'media.audio_on'; user_id: string }

export const MAX_CHAT_MESSAGES = 500
export const MAX_REACTIONS = 12

export const initialRoomState: RoomState = {
  phase: 'connecting',
  me: null,
  peerId: null,
  session: null,
  lastSeq: 0,
  participants: [],
  hands: [],
  chat: [],
  waiting: [],
  reactions: [],
  nextReactionId: 1,
  polls: [],
  questions: [],
  myQuestions: [],
  upvoted: [],
  pendingAnonymous: [],
  breakout: null,
  roomNumbers: {},
  helpCalls: [],
  notices: [],
  board: null,
  screenAllowed: null,
  recording: null,
  mutedAtSeq: 0,
}

function fromWelcome(state: RoomState, frame: WelcomeFrame): RoomState {
  const base: RoomState = {
    ...state,
    phase: 'in',
    me: { userId: frame.you.user_id, tutor: frame.you.tutor },
    peerId: frame.you.peer_id ?? null,
    session: frame.session,
    lastSeq: frame.last_seq,
    participants: frame.participants,
    hands: unique(frame.hands),
    chat: frame.chat.slice(-MAX_CHAT_MESSAGES),
    waiting: frame.waiting ?? [],
  }
  return mediaFromWelcome(boardFromWelcome(breakoutFromWelcome(engagementFromWelcome(base, frame), frame), frame), frame)
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}

function upsert(people: Person[], person: Person): Person[] {
  return people.some((p) => p.user_id === person.user_id)
    ? people.map((p) => (p.user_id === person.user_id ? person : p))
    : [...people, person]
}

function without(people: Person[], userId: string): Person[] {
  return people.filter((p) => p.user_id !== userId)
}

function updatePerson(people: Person[], userId: string, change: Partial<Person>): Person[] {
  return people.map((p) => (p.user_id === userId ? { ...p, ...change } : p))
}

function withSession(state: RoomState, change: Partial<RoomSession>): RoomState {
  return state.session ? { ...state, session: { ...state.session, ...change } } : state
}

function isStored(frame: RoomInput): frame is StoredEvent {
  return 'seq' in frame && typeof frame.seq === 'number'
}

/** Applies one numbered event that has not been seen before. */
function applyEvent(state: RoomState, event: StoredEvent): RoomState {
  const mine = 'user_id' in event && event.user_id !== null && event.user_id === state.me?.userId
  switch (event.type) {
    case 'class.started':
      return withSession(state, { status: 'live' })
    case 'class.ended':
      return { ...withSession(state, { status: 'ended' }), phase: 'ended', hands: [] }
    case 'presence.joined': {
      const person = event.participant
      return {
        ...state,
        participants: upsert(state.participants, person),
        waiting: without(state.waiting, person.user_id),
        hands: person.hand_raised_at ? state.hands : state.hands.filter((id) => id !== person.user_id),
      }
    }
    case 'presence.left':
      return {
        ...state,
        participants: without(state.participants, event.user_id),
        hands: state.hands.filter((id) => id !== event.user_id),
      }
    case 'waiting.joined':
      return { ...state, waiting: upsert(state.waiting, event.participant) }
    case 'waiting.left':
    case 'waiting.admitted':
      return { ...state, waiting: without(state.waiting, event.user_id) }
    case 'waiting.denied':
      // A student still waiting hears only their own refusal (and has no welcome yet to know their id).
      return mine || state.phase === 'waiting'
        ? { ...state, phase: 'denied' }
        : { ...state, waiting: without(state.waiting, event.user_id) }
    case 'chat.message': {
      const message = event.message
      const known = state.chat.some((m) => m.id === message.id)
      const chat = known ? state.chat.map((m) => (m.id === message.id ? message : m)) : [...state.chat, message]
      return { ...state, chat: chat.slice(-MAX_CHAT_MESSAGES) }
    }
    case 'chat.deleted':
      return {
        ...state,
        chat: state.chat.map((m) => (m.id === event.message_id ? { ...m, body: '', links: [], deleted: true } : m)),
      }
    case 'hand.raised':
      return {
        ...state,
        hands: state.hands.includes(event.user_id) ? state.hands : [...state.hands, event.user_id],
        participants: updatePerson(state.participants, event.user_id, { hand_raised_at: event.at }),
      }
    case 'hand.lowered':
      return {
        ...state,
        hands: state.hands.filter((id) => id !== event.user_id),
        participants: updatePerson(state.participants, event.user_id, { hand_raised_at: null }),
      }
    case 'participant.muted': {
      const userId = event.user_id
      const me = state.me
      const reachesMe = me !== null && (userId === null ? !me.tutor : userId === me.userId)
      return {
        ...state,
        mutedAtSeq: reachesMe ? event.seq : state.mutedAtSeq,
        participants: state.participants.map((p) =>
          (userId === null ? p.role === 'student' : p.user_id === userId) ? { ...p, muted: true } : p,
        ),
      }
    }
    case 'participant.removed': {
      const next = {
        ...state,
        participants: without(state.participants, event.user_id),
        waiting: without(state.waiting, event.user_id),
        hands: state.hands.filter((id) => id !== event.user_id),
      }
      return mine ? { ...next, phase: 'removed' } : next
    }
    case 'room.locked':
    case 'room.unlocked':
      return withSession(state, { locked: event.type === 'room.locked' })
    case 'room.spotlight':
      return withSession(state, { spotlight_user_id: event.user_id })
    default:
      return applyMediaEvent(applyBoardEvent(applyBreakoutEvent(applyEngagementEvent(state, event), event), event), event)
  }
}

export function roomReducer(state: RoomState, input: RoomInput): RoomState {
  if (input.type === 'welcome') return fromWelcome(state, input)
  if (input.type === 'waiting') return state.phase === 'connecting' ? { ...state, phase: 'waiting' } : state
  if (input.type === 'reaction' && 'emoji' in input) {
    const bubble = { id: state.nextReactionId, userId: input.user_id, emoji: input.emoji }
    return {
      ...state,
      reactions: [...state.reactions, bubble].slice(-MAX_REACTIONS),
      nextReactionId: state.nextReactionId + 1,
    }
  }
  if (input.type === 'reaction.expired' && 'id' in input) {
    return { ...state, reactions: state.reactions.filter((bubble) => bubble.id !== input.id) }
  }
  if (input.type === 'sent' && 'action' in input) return noteSent(state, input.action)
  if (input.type === 'help.dismissed' && 'id' in input) {
    return { ...state, helpCalls: state.helpCalls.filter((call) => call.id !== input.id) }
  }
  if (input.type === 'notice.dismissed' && 'id' in input) {
    return { ...state, notices: state.notices.filter((notice) => notice.id !== input.id) }
  }
  if (input.type === 'media.audio_on' && 'user_id' in input) {
    const person = state.participants.find((p) => p.user_id === input.user_id)
    if (!person?.muted) return state
    return { ...state, participants: updatePerson(state.participants, input.user_id, { muted: false }) }
  }
  if (!isStored(input)) return state
  if (input.seq <= state.lastSeq) return state
  return { ...applyEvent(state, input), lastSeq: input.seq }
}

/** Whether a frame would change the room (false for duplicates and replays already seen). */
export function isNewEvent(state: RoomState, input: RoomInput): boolean {
  return !isStored(input) || input.seq > state.lastSeq
}

/** Someone's place in the queue of raised hands (1 = first up), or null when their hand is down. */
export function handOrder(state: RoomState, userId: string): number | null {
  const index = state.hands.indexOf(userId)
  return index === -1 ? null : index + 1
}

export function personName(state: RoomState, userId: string | null | undefined): string | null {
  if (!userId) return null
  return (
    state.participants.find((p) => p.user_id === userId)?.name ??
    state.waiting.find((p) => p.user_id === userId)?.name ??
    null
  )
}
