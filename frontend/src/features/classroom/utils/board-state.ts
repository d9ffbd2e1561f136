/**
 * The whiteboard in the room state: its pages, the page everyone follows and who may draw. Strokes are not
 * here (they bypass the reducer, see `use-board-channel`); only what the numbered events change is.
 */
import type { BoardPage, BreakoutRound, StoredEvent, WelcomeFrame } from './protocol'
import type { RoomState } from './room-state'

export interface BoardState {
  /** Every page this person may see: the main board's, then breakout rooms' (tutors see all of those). */
  pages: BoardPage[]
  shownPageId: string | null
  everyone: boolean
  allowed: string[]
  /** Whether this person may draw on the main board. */
  canDraw: boolean
}

function upsertPage(pages: BoardPage[], page: BoardPage): BoardPage[] {
  return pages.some((p) => p.id === page.id) ? pages.map((p) => (p.id === page.id ? page : p)) : [...pages, page]
}

/** The first page of each room of a round (the server makes one as the round starts, without an event). */
function withRoundPages(pages: BoardPage[], round: BreakoutRound, visibleRoomIds: ReadonlySet<string> | null): BoardPage[] {
  let next = pages
  for (const room of round.rooms) {
    if (!room.board_page_id || next.some((p) => p.id === room.board_page_id)) continue
    if (visibleRoomIds && !visibleRoomIds.has(room.id)) continue
    next = [...next, { id: room.board_page_id, title: room.name, position: 1, room_id: room.id }]
  }
  return next
}

function mayDraw(state: RoomState, everyone: boolean, allowed: readonly string[]): boolean {
  const me = state.me
  if (!me) return false
  return me.tutor || everyone || allowed.includes(me.userId)
}

export function boardFromWelcome(state: RoomState, frame: WelcomeFrame): RoomState {
  const snapshot = frame.board
  if (!snapshot) return { ...state, board: null }
  const round = frame.breakout?.round
  const visible = frame.you.tutor ? null : new Set(frame.breakout?.my_room_id ? [frame.breakout.my_room_id] : [])
  return {
    ...state,
    board: {
      pages: round ? withRoundPages(snapshot.pages, round, visible) : snapshot.pages,
      shownPageId: snapshot.shown_page_id,
      everyone: snapshot.everyone,
      allowed: snapshot.allowed,
      canDraw: snapshot.can_draw,
    },
  }
}

export function applyBoardEvent(state: RoomState, event: StoredEvent): RoomState {
  const board = state.board
  if (!board) return state
  switch (event.type) {
    case 'board.page_added':
      return { ...state, board: { ...board, pages: upsertPage(board.pages, event.page) } }
    case 'board.page_shown':
      return { ...state, board: { ...board, shownPageId: event.page_id } }
    case 'board.page_renamed':
      return {
        ...state,
        board: { ...board, pages: board.pages.map((p) => (p.id === event.page_id ? { ...p, title: event.title } : p)) },
      }
    case 'board.access':
      return {
        ...state,
        board: {
          ...board,
          everyone: event.everyone,
          allowed: event.allowed,
          canDraw: mayDraw(state, event.everyone, event.allowed),
        },
      }
    case 'breakout.started': {
      // Runs after the breakout reducer, so `myRoomId` is already this round's.
      const mine = state.breakout?.myRoomId ?? null
      const visible = state.me?.tutor ? null : new Set(mine ? [mine] : [])
      return { ...state, board: { ...board, pages: withRoundPages(board.pages, event.round, visible) } }
    }
    default:
      return state
  }
}

/** The main board's pages, in order. */
export function mainPages(board: BoardState): BoardPage[] {
  return board.pages.filter((page) => page.room_id === null).sort((a, b) => a.position - b.position)
}

/**
 * A breakout room's pages, in order. A student moved into a room mid-round has not heard of its first page
 * yet: the round names it.
 */
export function roomPages(state: RoomState, roomId: string): BoardPage[] {
  const pages = (state.board?.pages ?? [])
    .filter((page) => page.room_id === roomId)
    .sort((a, b) => a.position - b.position)
  const room = state.breakout?.round.rooms.find((r) => r.id === roomId)
  if (!room?.board_page_id || pages.some((page) => page.id === room.board_page_id)) return pages
  return [{ id: room.board_page_id, title: room.name, position: 1, room_id: room.id }, ...pages]
}

/** The page a breakout room starts on: the one the round names, else its first. */
export function roomFirstPage(state: RoomState, roomId: string): BoardPage | null {
  const pages = roomPages(state, roomId)
  const room = state.breakout?.round.rooms.find((r) => r.id === roomId)
  return pages.find((page) => page.id === room?.board_page_id) ?? pages[0] ?? null
}

/** The page everyone follows: the one the tutor showed, else the main board's first. */
export function shownPage(board: BoardState): BoardPage | null {
  const main = mainPages(board)
  return main.find((page) => page.id === board.shownPageId) ?? main[0] ?? null
}

/**
 * The breakout room whose board this person works on: a student's own room, or the room a tutor is
 * visiting; null on the main board.
 */
export function boardRoomId(state: RoomState): string | null {
  const breakout = state.breakout
  const me = state.me
  if (!breakout || !me) return null
  if (me.tutor) return breakout.visits[me.userId] ?? null
  return breakout.myRoomId
}

export type DrawBlock = 'not_allowed' | 'not_your_room' | null

/** Why this person may not draw on `page`, or null when they may. */
export function drawBlock(state: RoomState, page: BoardPage): DrawBlock {
  const board = state.board
  const me = state.me
  if (!board || !me) return 'not_allowed'
  if (me.tutor) return null
  if (page.room_id !== null) return state.breakout?.myRoomId === page.room_id ? null : 'not_your_room'
  return board.canDraw ? null : 'not_allowed'
}
