import { act, waitFor } from '@testing-library/react'
import { expect } from 'vitest'

import type {
  BreakoutRoom,
  BreakoutRound,
  ChatMessage,
  Person,
  Poll,
  RoomQuestion,
  RoomSession,
  ServerFrame,
  StoredEvent,
  WelcomeFrame,
} from '@/features/classroom/utils/protocol'

import { buildSession, buildTutorUser } from './factories'
import { FakeWebSocket } from './fake-websocket'
import { mockFetch } from './fetch-mock'
import { renderApp } from './render-app'
import { signedIn } from './routes'

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
    room_id: null,
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
    polls: [],
    questions: [],
    breakout: null,
    ...rest,
    session: buildRoomSession(session),
  }
}

let pollSeq = 0
/** An open single-answer poll with two options, `a` and `b`, and no votes yet. */
export function buildPoll(overrides: Partial<Poll> = {}): Poll {
  pollSeq += 1
  return {
    id: `50000000-0000-4000-8000-${String(pollSeq).padStart(12, '0')}`,
    question: 'Which is a prime number?',
    options: [
      { id: 'a', text: '9' },
      { id: 'b', text: '7' },
    ],
    multiple: false,
    status: 'open',
    results: { a: 0, b: 0 },
    votes: 0,
    ...overrides,
  }
}

let questionSeq = 0
export function buildQuestion(overrides: Partial<RoomQuestion> = {}): RoomQuestion {
  questionSeq += 1
  return {
    id: `60000000-0000-4000-8000-${String(questionSeq).padStart(12, '0')}`,
    body: `Question ${questionSeq}?`,
    anonymous: false,
    author_id: null,
    author_name: 'Student',
    upvotes: 0,
    answered: false,
    at: '2026-03-02T10:06:00Z',
    ...overrides,
  }
}

let roundSeq = 0
/** A breakout round; `members[i]` are the user ids in room i + 1. */
export function buildRound({
  members = [[], []],
  ...overrides
}: Partial<Omit<BreakoutRound, 'rooms'>> & { members?: string[][] } = {}): BreakoutRound {
  roundSeq += 1
  const round = String(roundSeq).padStart(6, '0')
  const rooms: BreakoutRoom[] = members.map((ids, index) => ({
    id: `70000000-0000-4000-8000-${round}${String(index + 1).padStart(6, '0')}`,
    number: index + 1,
    name: `Room ${index + 1}`,
    members: ids,
  }))
  return {
    id: `80000000-0000-4000-8000-${round.padStart(12, '0')}`,
    mode: 'manual',
    ends_at: '2026-03-02T10:30:00Z',
    rooms,
    ...overrides,
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

/** Delivers server frames to the page's room socket, as one burst. */
export function receiveFrames(socket: FakeWebSocket, ...frames: ServerFrame[]): void {
  act(() => {
    for (const frame of frames) socket.receive(frame)
  })
}

/** Opens the class page and its socket, signed in as a student or a tutor; `sent` collects the frames it sends. */
export async function openClassroom({ tutor = false } = {}) {
  const session = tutor
    ? buildSession({ user: buildTutorUser({ id: TUTOR_ID, first_name: 'Imran', full_name: 'Sir Imran' }) })
    : buildSession()
  const api = mockFetch(signedIn(session))
  const view = renderApp(`/classroom/${CLASS_ID}`)
  await waitFor(() => expect(classroomSockets()).toHaveLength(1))
  const socket = classroomSockets()[0]!
  const sent = recordSent(socket)
  act(() => socket.open())
  return { ...view, api, socket, sent }
}

/** A moment `minutes` from now, for breakout rounds that are still running. */
export function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString()
}
