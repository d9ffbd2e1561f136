/**
 * The live room's websocket protocol (docs/classroom.md): frames the server sends, actions the client
 * sends, and the close codes that end a visit for good.
 */

export type ParticipantRole = 'tutor' | 'student'

export interface Person {
  user_id: string
  name: string
  role: ParticipantRole
  avatar_url: string | null
  muted: boolean
  hand_raised_at: string | null
}

export interface ChatMessage {
  id: string
  /** The breakout room it was said in; null for the main room. */
  room_id: string | null
  author_id: string
  author_name: string
  body: string
  /** The `http(s)` URLs in `body`, in order: the only text ever rendered as links. */
  links: string[]
  to_tutors: boolean
  deleted: boolean
  at: string
}

export interface RoomSession {
  id: string
  title: string
  status: string
  starts_at: string
  ends_at: string
  locked: boolean
  waiting_room: boolean
  spotlight_user_id: string | null
}

export interface WelcomeFrame {
  type: 'welcome'
  /** `peer_id` names this socket for the media frames (absent from servers without media). */
  you: { user_id: string; tutor: boolean; peer_id?: string }
  session: RoomSession
  last_seq: number
  participants: Person[]
  hands: string[]
  chat: ChatMessage[]
  /** Every poll of the class, each with `mine`, the caller's own vote. */
  polls: Poll[]
  questions: RoomQuestion[]
  /** The open breakout round, if any, and the caller's room in it. */
  breakout: BreakoutSnapshot | null
  /** The whiteboard's pages and who may draw (absent from servers without a whiteboard). */
  board?: BoardSnapshot
  /** Sent to tutors only. */
  waiting?: Person[]
  /** Who may share their screen and the recording running now (absent from servers without media). */
  media?: MediaSnapshot
}

export interface PollOption {
  id: string
  text: string
}

export type PollStatus = 'open' | 'closed'

export interface Poll {
  id: string
  question: string
  options: PollOption[]
  /** Whether a voter may choose several options. */
  multiple: boolean
  status: PollStatus
  /** Votes per option id. */
  results: Record<string, number>
  /** How many people voted. */
  votes: number
  /** The caller's own choice (in the welcome only); empty when they have not voted. */
  mine?: string[]
}

export interface RoomQuestion {
  id: string
  body: string
  anonymous: boolean
  /** Null for an anonymous question, except in the tutors' copy. */
  author_id: string | null
  author_name: string | null
  upvotes: number
  answered: boolean
  at: string
  /** In the welcome only: the caller asked it (anonymous ones included). */
  mine?: boolean
  /** In the welcome only: the caller upvoted it. */
  upvoted?: boolean
}

export type BreakoutMode = 'random' | 'manual' | 'choose'

export interface BreakoutRoom {
  id: string
  number: number
  name: string
  /** User ids of the students in the room. */
  members: string[]
  /** The room's own whiteboard page. */
  board_page_id?: string | null
}

export interface BreakoutRound {
  id: string
  mode: BreakoutMode
  ends_at: string
  rooms: BreakoutRoom[]
}

export interface BreakoutSnapshot {
  round: BreakoutRound
  my_room_id: string | null
  /** Tutor id → the room they are visiting now. */
  visits?: Record<string, string>
}

/** A page of the whiteboard: the main board's (`room_id` null) or a breakout room's. */
export interface BoardPage {
  id: string
  title: string
  position: number
  room_id: string | null
}

export interface BoardSnapshot {
  pages: BoardPage[]
  /** The main-board page everyone follows; null until a tutor shows one (then the first page). */
  shown_page_id: string | null
  /** Every student may draw on the main board. */
  everyone: boolean
  /** Students the tutor lets draw one by one. */
  allowed: string[]
  /** Whether the caller may draw on the main board. */
  can_draw: boolean
}

/**
 * An Excalidraw element as it travels: the fields the merge needs, and the rest of the drawing as is.
 * `index` is Excalidraw's fractional order key.
 */
export interface WireElement {
  id: string
  type: string
  version: number
  versionNonce: number
  isDeleted?: boolean
  index?: string | null
  [field: string]: unknown
}

/** Board traffic: not numbered and not stored, so it bypasses the room's reducer. */
export type BoardFrame =
  | { type: 'board.update'; page_id: string; elements: WireElement[]; user_id: string }
  | { type: 'board.scene'; page_id: string; scene_version: number; elements: WireElement[] }
  | { type: 'board.in_sync'; page_id: string; scene_version: number }

export const BOARD_FRAME_TYPES: ReadonlySet<string> = new Set(['board.update', 'board.scene', 'board.in_sync'])

export function isBoardFrame(frame: { type: string }): frame is BoardFrame {
  return BOARD_FRAME_TYPES.has(frame.type)
}

export type RecordingStatus = 'recording' | 'processing' | 'ready' | 'failed'

/** A recording of a class (docs/classroom.md, "Recording"); the URLs are null until it is ready. */
export interface Recording {
  id: string
  session_id: string
  course: { slug: string; title: string } | null
  title: string
  status: RecordingStatus
  started_at: string
  stopped_at: string | null
  duration_seconds: number | null
  progress: number
  error: string
  size: number | null
  lesson_id: string | null
  video_url: string | null
  audio_url: string | null
  thumbnail_url: string | null
  download_url: string | null
}

export interface MediaSnapshot {
  /** Students the tutor lets share their screen. */
  screen_allowed: string[]
  recording: Recording | null
}

/** What a peer sends now. */
export interface MediaFlags {
  audio: boolean
  video: boolean
  screen: boolean
  /** The peer asked not to receive video (a slow connection). */
  audio_only: boolean
}

/** Who sent a relayed media frame: the socket (`peer_id`), the person, and their breakout room (null: main). */
interface MediaSender {
  peer_id: string
  user_id: string
  room_id?: string | null
}

export interface SessionDescriptionWire {
  type: 'offer' | 'answer' | 'pranswer' | 'rollback'
  sdp?: string
}

/** ICE candidate as it travels (`RTCIceCandidateInit`); null marks the end of candidates. */
export interface IceCandidateWire {
  candidate?: string
  sdpMid?: string | null
  sdpMLineIndex?: number | null
  usernameFragment?: string | null
}

/**
 * Media traffic: relayed between browsers, never stored or numbered, so it bypasses the room's reducer
 * like the board's strokes do.
 */
export type MediaFrame =
  | ({ type: 'media.hello' } & MediaSender & MediaFlags)
  | ({ type: 'media.state' } & MediaSender & MediaFlags)
  | { type: 'media.left'; peer_id: string; user_id: string; room_id?: string | null }
  | {
      type: 'rtc.signal'
      from: string
      user_id: string
      room_id?: string | null
      description?: SessionDescriptionWire
      candidate?: IceCandidateWire | null
    }

export const MEDIA_FRAME_TYPES: ReadonlySet<string> = new Set(['media.hello', 'media.state', 'media.left', 'rtc.signal'])

export function isMediaFrame(frame: { type: string }): frame is MediaFrame {
  return MEDIA_FRAME_TYPES.has(frame.type)
}

/** Fields every stored (numbered) event carries. */
interface Stored {
  seq: number
  actor_id: string | null
  at: string
}

export type StoredEvent = Stored &
  (
    | { type: 'class.started' | 'class.ended' | 'room.locked' | 'room.unlocked' }
    | { type: 'presence.joined' | 'waiting.joined'; participant: Person }
    | { type: 'presence.left' | 'waiting.left' | 'waiting.admitted' | 'waiting.denied'; user_id: string }
    | { type: 'chat.message'; message: ChatMessage }
    | { type: 'chat.deleted'; message_id: string }
    | { type: 'hand.raised' | 'hand.lowered'; user_id: string }
    | { type: 'participant.muted'; user_id: string | null }
    | { type: 'participant.removed'; user_id: string }
    | { type: 'room.spotlight'; user_id: string | null }
    | { type: 'poll.opened' | 'poll.closed'; poll: Poll }
    | { type: 'poll.results'; poll_id: string; results: Record<string, number>; votes: number }
    | { type: 'qa.asked'; question: RoomQuestion }
    | { type: 'qa.upvoted'; question_id: string; upvotes: number }
    | { type: 'qa.answered'; question_id: string }
    | { type: 'breakout.started'; round: BreakoutRound }
    | { type: 'breakout.moved'; user_id: string; room_id: string | null }
    | { type: 'breakout.broadcast'; body: string }
    | { type: 'breakout.visit'; user_id: string; room_id: string | null }
    | { type: 'breakout.help'; user_id: string; room_id: string; room_name: string }
    | { type: 'breakout.ended'; round_id: string }
    | { type: 'board.page_added'; page: BoardPage }
    | { type: 'board.page_shown'; page_id: string }
    | { type: 'board.page_renamed'; page_id: string; title: string }
    | { type: 'board.access'; everyone: boolean; allowed: string[] }
    | { type: 'media.screen_permitted'; user_id: string; allowed: boolean }
    | { type: 'recording.started'; recording: Recording }
    | { type: 'recording.stopped'; recording_id: string }
    | { type: 'recording.ready'; recording_id: string; status: RecordingStatus }
  )

/** A numbered event of a kind this client does not know yet (later features add more). */
export interface UnknownStoredEvent extends Stored {
  type: string
}

export interface ReactionFrame {
  type: 'reaction'
  user_id: string
  emoji: string
}

export interface ErrorFrame {
  type: 'error'
  code: string
  message: string
  fields?: Record<string, string[]>
}

export type ServerFrame =
  | WelcomeFrame
  | { type: 'waiting'; message?: string }
  | StoredEvent
  | ReactionFrame
  | ErrorFrame
  | BoardFrame
  | MediaFrame
  | { type: 'pong' }

/** The reactions the server accepts, in the order the picker shows them. */
export const REACTIONS = ['👍', '👏', '❤️', '😂', '😮', '🎉', '❓'] as const
export type Reaction = (typeof REACTIONS)[number]

export const CHAT_MAX_LENGTH = 2000
export const POLL_QUESTION_MAX_LENGTH = 300
export const POLL_OPTION_MAX_LENGTH = 200
export const POLL_MIN_OPTIONS = 2
export const POLL_MAX_OPTIONS = 10
export const QUESTION_MAX_LENGTH = 1000
export const BREAKOUT_MAX_ROOMS = 50
export const BREAKOUT_MAX_MINUTES = 180
export const BOARD_MAX_PAGES = 50
export const BOARD_TITLE_MAX_LENGTH = 80

export type RoomAction =
  /** Tutors may name an open breakout room to speak into it. */
  | { type: 'chat.send'; body: string; to_tutors?: boolean; room_id?: string }
  | { type: 'hand.raise' | 'hand.lower' | 'ping' | 'mute.all' | 'class.end' }
  | { type: 'reaction'; emoji: Reaction }
  | { type: 'admit' | 'deny' | 'remove' | 'mute' | 'hand.lower_for'; user_id: string }
  | { type: 'room.lock'; locked: boolean }
  | { type: 'room.spotlight'; user_id: string | null }
  | { type: 'chat.delete'; message_id: string }
  | { type: 'poll.create'; question: string; options: string[]; multiple?: boolean }
  | { type: 'poll.vote'; poll_id: string; option_ids: string[] }
  | { type: 'poll.close'; poll_id: string }
  | { type: 'qa.ask'; body: string; anonymous?: boolean }
  | { type: 'qa.upvote' | 'qa.answered'; question_id: string }
  | {
      type: 'breakout.start'
      rooms: number
      mode: BreakoutMode
      minutes: number
      /** Student id → room number (manual mode); students left out stay in the main room. */
      assignments?: Record<string, number>
    }
  | { type: 'breakout.move'; user_id: string; room_id: string | null }
  | { type: 'breakout.join' | 'breakout.visit'; room_id: string | null }
  | { type: 'breakout.broadcast'; body: string }
  | { type: 'breakout.help' | 'breakout.end' }
  | { type: 'board.update'; page_id: string; elements: readonly WireElement[] }
  | { type: 'board.sync'; page_id: string; scene_version?: number }
  /** Tutors on the main board; a breakout room's members on their room's board (`room_id`). */
  | { type: 'board.page.add'; title?: string; room_id?: string }
  | { type: 'board.page.show'; page_id: string }
  | { type: 'board.page.rename'; page_id: string; title: string }
  | { type: 'board.access'; everyone: boolean }
  | { type: 'board.permit'; user_id: string; allowed: boolean }
  | ({ type: 'media.hello' } & MediaFlags)
  /** `to`: only that peer (the answer to its `media.hello`). */
  | ({ type: 'media.state'; to?: string } & MediaFlags)
  | { type: 'rtc.signal'; to: string; description?: SessionDescriptionWire; candidate?: IceCandidateWire | null }
  /** Tutors: let a student share their screen, or stop them. */
  | { type: 'screen.permit'; user_id: string; allowed: boolean }

/** Close codes after which reconnecting cannot help; the page explains why instead. */
export const FINAL_CLOSE_CODES: Readonly<Record<number, string>> = {
  4401: 'unauthenticated',
  4403: 'forbidden',
  4404: 'not_found',
  4410: 'session_ended',
}

export function isFinalClose(code: number): boolean {
  return code in FINAL_CLOSE_CODES
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A text frame from the server, or null for anything that is not an object with a string `type`. */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null
  try {
    const value: unknown = JSON.parse(data)
    if (isRecord(value) && typeof value.type === 'string') return value as unknown as ServerFrame
  } catch {
    // Not JSON: ignore.
  }
  return null
}

/** `ws(s)://<host>/ws/classroom/<id>/?ticket=…&after=<seq>`; `after` only when reconnecting. */
export function classroomSocketUrl(
  sessionId: string,
  ticket: string,
  after: number | null,
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const query = new URLSearchParams({ ticket })
  if (after !== null) query.set('after', String(after))
  return `${scheme}//${location.host}/ws/classroom/${encodeURIComponent(sessionId)}/?${query.toString()}`
}
