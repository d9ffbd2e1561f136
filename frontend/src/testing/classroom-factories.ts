import type {
  ChatMessage,
  Person,
  RoomSession,
  StoredEvent,
  WelcomeFrame,
} from '@/features/classroom/utils/protocol'

import { FakeWebSocket } from './fake-websocket'

export const CLASS_ID = '7d1c6a52-0b8e-4c55-9f0e-2a7f3c9d1e01'
export const STUDENT_ID = '5b0a7c1e-3a4e-4b0a-9a53-0c2f6f1b9a11'
export const TUTOR_ID = '9e3f1a20-6c4d-4f7b-8a21-5d0c7b3e2f10'

let personSeq = 0
export function buildPerson(overrides: Partial<Person> = {}): Person {
  personSeq += 1
  return {
    user_id: `30000000-0000-4000-8000-${String(personSeq).padStart(12, '0')}`,
    name: `Student ${personSeq}`,
    role: 'student',
    avatar_url: null,
    muted: false,
    hand_raised_at: null,
    ...overrides,
  }
}

export const buildTutorPerson = (overrides: Partial<Person> = {}): Person =>
  buildPerson({ user_id: TUTOR_ID, name: 'Sir Imran', role: 'tutor', ...overrides })

let messageSeq = 0
export function buildChatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  messageSeq += 1
  return {
    id: `40000000-0000-4000-8000-${String(messageSeq).padStart(12, '0')}`,
    author_id: TUTOR_ID,
    author_name: 'Sir Imran',
    body: `Message ${messageSeq}`,
    links: [],
    to_tutors: false,
    deleted: false,
    at: '2026-03-02T10:05:00Z',
    ...overrides,
  }
}

export function buildRoomSession(overrides: Partial<RoomSession> = {}): RoomSession {
  return {
    id: CLASS_ID,
    title: 'Algebra revision',
    status: 'live',
    starts_at: '2026-03-02T10:00:00Z',
    ends_at: '2026-03-02T11:00:00Z',
    locked: false,
    waiting_room: false,
    spotlight_user_id: null,
    ...overrides,
  }
}

/** The snapshot a student (or, with `you.tutor`, a tutor) receives on entering. */
export function buildWelcome(
  overrides: Partial<Omit<WelcomeFrame, 'type' | 'session'>> & { session?: Partial<RoomSession> } = {},
): WelcomeFrame {
  const { session, ...rest } = overrides
  return {
    type: 'welcome',
    you: { user_id: STUDENT_ID, tutor: false },
    last_seq: 10,
    participants: [buildTutorPerson(), buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' })],
    hands: [],
    chat: [],
    ...rest,
    session: buildRoomSession(session),
  }
}

type WithoutStored<T> = T extends unknown ? Omit<T, 'seq' | 'actor_id' | 'at'> : never
type EventBody = WithoutStored<StoredEvent>

/** A numbered room event, as the server sends it. */
export function roomEvent(seq: number, body: EventBody & { at?: string }): StoredEvent {
  return { actor_id: null, at: '2026-03-02T10:10:00Z', ...body, seq }
}

/** The room's socket among every socket the app opened (the notifications socket is one too). */
export function classroomSockets(): FakeWebSocket[] {
  return FakeWebSocket.instances.filter((socket) => socket.url.includes('/ws/classroom/'))
}

/** Records every frame the app sends on `socket`, parsed. */
export function recordSent(socket: FakeWebSocket): unknown[] {
  const frames: unknown[] = []
  ;(socket as unknown as { send: (data: string) => void }).send = (data: string) => {
    frames.push(JSON.parse(data))
  }
  return frames
}

/** The server closes the socket with `code` (FakeWebSocket's own close carries none). */
export function serverClose(socket: FakeWebSocket, code: number): void {
  socket.readyState = FakeWebSocket.CLOSED
  socket.dispatchEvent(new CloseEvent('close', { code }))
}
