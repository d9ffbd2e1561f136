import type {
  AttendanceRow,
  BoardElement,
  BoardPage,
  CalendarLink,
  LiveClass,
  LiveClassPage,
  Recap,
  RecapMessage,
  RecapPoll,
  RecapQuestion,
  RecapRoom,
} from '@/features/schedule/api/types'

import { buildCourseCard, buildSession, buildTutorUser, buildUser } from './factories'
import { json, type Route } from './fetch-mock'
import { signedIn } from './routes'

let seq = 0
const next = () => {
  seq += 1
  return String(seq).padStart(12, '0')
}

const MINUTE = 60_000

/** A class as `GET /sessions` returns it: an hour long, for a student who may not enter yet. */
export function buildLiveClass(overrides: Partial<LiveClass> = {}): LiveClass {
  const id = overrides.id ?? `c1a55000-0000-4000-8000-${next()}`
  return {
    id,
    title: 'Algebra live',
    description: 'Quadratic equations.',
    course: { slug: 'o-level-algebra', title: 'O Level Algebra' },
    owner: { id: '9e3f1a20-6c4d-4f7b-8a21-5d0c7b3e2f10', full_name: 'Sara Malik', avatar_url: null },
    starts_at: '2030-12-04T12:00:00Z',
    ends_at: '2030-12-04T13:00:00Z',
    timezone: 'Asia/Karachi',
    capacity: null,
    seat_price_amount: 0,
    seat_currency: 'PKR',
    join_policy: 'course',
    waiting_room: false,
    late_after_minutes: 10,
    present_min_percent: 50,
    face_presence: false,
    status: 'scheduled',
    series_id: null,
    seats_taken: 0,
    viewer: { can_manage: false, can_enter_now: false, entry_refusal: 'too_early' },
    room_url: `/classroom/${id}`,
    ...overrides,
  }
}

/** A class starting `minutes` from `now` (negative: already started), lasting `length` minutes. */
export function classAt(now: number, minutes: number, overrides: Partial<LiveClass> = {}, length = 60): LiveClass {
  return buildLiveClass({
    starts_at: new Date(now + minutes * MINUTE).toISOString(),
    ends_at: new Date(now + (minutes + length) * MINUTE).toISOString(),
    ...overrides,
  })
}

/** A page of `GET /sessions`; `more` leaves a next page to load. */
export function classPage(results: LiveClass[], { more = false, count }: { more?: boolean; count?: number } = {}): LiveClassPage {
  return {
    count: count ?? results.length + (more ? 1 : 0),
    next: more ? 'http://localhost/api/v1/sessions?page=2' : null,
    previous: null,
    results,
  }
}

export function buildAttendanceRow(overrides: Partial<AttendanceRow> = {}): AttendanceRow {
  return {
    user_id: `a77e0000-0000-4000-8000-${next()}`,
    name: 'Bilal Ahmed',
    email: 'bilal@example.pk',
    first_joined_at: '2030-12-04T12:02:00Z',
    minutes_present: 55,
    percent_present: 92,
    status: 'present',
    face_checks: 0,
    face_seen: 0,
    face_ratio: null,
    ...overrides,
  }
}

export const CALENDAR_LINK: CalendarLink = {
  url: 'https://ustad.example.pk/api/v1/calendar/tok-first.ics',
  webcal_url: 'webcal://ustad.example.pk/api/v1/calendar/tok-first.ics',
}

/** The start-up routes for a signed-in student (Asia/Karachi). */
export function studentRoutes(): Route[] {
  return signedIn(buildSession({ user: buildUser() }))
}

/** The start-up routes for a signed-in tutor (Asia/Karachi) who teaches two courses. */
export function tutorRoutes(): Route[] {
  return [
    ...signedIn(buildSession({ user: buildTutorUser() })),
    {
      method: 'GET',
      path: '/api/v1/teaching/courses',
      handler: () =>
        json({
          count: 3,
          next: null,
          previous: null,
          results: [
            buildCourseCard({ slug: 'o-level-algebra', title: 'O Level Algebra', status: 'published' }),
            buildCourseCard({ slug: 'python-from-zero', title: 'Python from zero', status: 'draft' }),
            buildCourseCard({ slug: 'old-course', title: 'Old course', status: 'archived' }),
          ],
        }),
    },
  ]
}

/** `GET /sessions` answering by query: `from` → upcoming, `to` → past, otherwise the tutor's list. */
export function classListRoute(pages: {
  upcoming?: LiveClassPage[]
  past?: LiveClassPage[]
  all?: LiveClassPage[]
}): Route {
  return {
    method: 'GET',
    path: '/api/v1/sessions',
    handler: (request) => {
      const query = new URL(request.url).searchParams
      const list = query.has('from') ? pages.upcoming : query.has('to') ? pages.past : pages.all
      const page = Number(query.get('page') ?? '1')
      return json(list?.[page - 1] ?? classPage([]))
    },
  }
}

/** A breakout room as the recap lists it. */
export function buildRecapRoom(overrides: Partial<RecapRoom> = {}): RecapRoom {
  const number = overrides.number ?? 1
  return {
    id: `b0000000-0000-4000-8000-${next()}`,
    round_id: 'b0a00000-0000-4000-8000-000000000001',
    number,
    name: `Room ${number}`,
    ...overrides,
  }
}

/** A chat message of the main room, from a student. */
export function buildRecapMessage(overrides: Partial<RecapMessage> = {}): RecapMessage {
  return {
    id: `c4a70000-0000-4000-8000-${next()}`,
    room_id: null,
    author_id: 'a77e0000-0000-4000-8000-000000000001',
    author_name: 'Bilal Ahmed',
    body: 'Assalam o alaikum!',
    links: [],
    to_tutors: false,
    deleted: false,
    at: '2026-12-04T12:05:00Z',
    ...overrides,
  }
}

/** A closed two-option poll nobody voted in. */
export function buildRecapPoll(overrides: Partial<RecapPoll> = {}): RecapPoll {
  return {
    id: `90110000-0000-4000-8000-${next()}`,
    question: 'Is x = 4?',
    options: [
      { id: 'a', text: 'Yes' },
      { id: 'b', text: 'No' },
    ],
    multiple: false,
    status: 'closed',
    votes: 0,
    results: { a: 0, b: 0 },
    mine: [],
    ...overrides,
  }
}

export function buildRecapQuestion(overrides: Partial<RecapQuestion> = {}): RecapQuestion {
  return {
    id: `9e510000-0000-4000-8000-${next()}`,
    body: 'Why subtract 3 from both sides?',
    anonymous: false,
    author_id: 'a77e0000-0000-4000-8000-000000000002',
    author_name: 'Sana Malik',
    upvotes: 0,
    answered: false,
    at: '2026-12-04T12:10:00Z',
    mine: false,
    upvoted: false,
    ...overrides,
  }
}

/** A main board page. */
export function buildRecapBoardPage(overrides: Partial<BoardPage> = {}): BoardPage {
  return {
    id: `b0a4d000-0000-4000-8000-${next()}`,
    title: 'Page 1',
    position: 1,
    room_id: null,
    ...overrides,
  }
}

/** An Excalidraw element as `GET /board/pages/{page_id}` returns it. */
export function buildBoardElement(overrides: Partial<BoardElement> = {}): BoardElement {
  return {
    id: `el-${next()}`,
    type: 'rectangle',
    x: 10,
    y: 20,
    width: 100,
    height: 60,
    version: 2,
    versionNonce: 1234,
    isDeleted: false,
    index: 'a0',
    ...overrides,
  }
}

/** A recap with nothing in it: no rooms, chat, polls, questions or board pages. */
export function buildRecap(overrides: Partial<Recap> = {}): Recap {
  return {
    rooms: [],
    chat: [],
    polls: [],
    questions: [],
    board: { pages: [], shown_page_id: null },
    ...overrides,
  }
}

/**
 * `GET /sessions/{id}`, `/recap`, `/board/pages/{page_id}` (`pages`: each page's elements) and
 * `/board/files/{file_id}` (`files`: each picture's bytes) for one class.
 */
export function recapRoutes({
  session,
  recap,
  pages = {},
  files = {},
}: {
  session: LiveClass
  recap: Recap | Response
  pages?: Record<string, BoardElement[]>
  files?: Record<string, () => Response>
}): Route[] {
  const base = `/api/v1/sessions/${session.id}`
  return [
    { method: 'GET', path: base, handler: () => json(session) },
    { method: 'GET', path: `${base}/recap`, handler: () => (recap instanceof Response ? recap : json(recap)) },
    ...Object.entries(pages).map(([pageId, elements]): Route => ({
      method: 'GET',
      path: `${base}/board/pages/${pageId}`,
      handler: () =>
        json({
          page: buildRecapBoardPage({ id: pageId }),
          scene_version: elements.reduce((sum, element) => sum + Number(element.version), 0),
          elements,
        }),
    })),
    ...Object.entries(files).map(([fileId, respond]): Route => ({
      method: 'GET',
      path: `${base}/board/files/${fileId}`,
      handler: respond,
    })),
  ]
}
