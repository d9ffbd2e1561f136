import { useState } from 'react'

import {
  boardRoomId,
  drawBlock,
  mainPages,
  roomFirstPage,
  roomPages,
  shownPage,
  type DrawBlock,
} from '../utils/board-state'
import type { BoardPage } from '../utils/protocol'
import { useAdmittedRoom } from './room-context'

/** Pages listed together: the main board's, or one breakout room's. */
export interface PageGroup {
  roomId: string | null
  pages: BoardPage[]
}

export interface BoardView {
  /** The breakout room whose board this person works on (their room, or the room a tutor visits). */
  roomId: string | null
  groups: PageGroup[]
  /** The page on the canvas. */
  page: BoardPage | null
  /** The main-board page everyone follows. */
  shown: BoardPage | null
  /** Whether the canvas follows the page the tutor shows (or, in a breakout room, the room's first page). */
  following: boolean
  /** Why this person may not draw on `page`; null when they may. */
  block: DrawBlock
  select: (pageId: string) => void
  follow: () => void
}

/**
 * Which page of the whiteboard this person looks at. Students follow the page the tutor shows, and may
 * look at any other; in a breakout room the room's own board comes first (a visiting tutor's too). A choice
 * holds until the board changes room.
 */
export function useBoardView(): BoardView {
  const { state, me } = useAdmittedRoom()
  const board = state.board
  const roomId = boardRoomId(state)
  const [choice, setChoice] = useState<{ roomId: string | null; pageId: string } | null>(null)

  const shown = board ? shownPage(board) : null
  const fallback = roomId ? roomFirstPage(state, roomId) : shown
  const contextPages = board ? (roomId ? roomPages(state, roomId) : mainPages(board)) : []

  // The board being worked on comes first. Tutors also keep the main board and every breakout room's board
  // on the list, during the round and after it.
  const groups: PageGroup[] = []
  if (board) {
    groups.push({ roomId, pages: contextPages })
    if (roomId && me.tutor) groups.push({ roomId: null, pages: mainPages(board) })
    if (me.tutor) {
      const roomIds = new Set(board.pages.map((p) => p.room_id).filter((id): id is string => id !== null))
      for (const id of roomIds) if (id !== roomId) groups.push({ roomId: id, pages: roomPages(state, id) })
    }
  }

  const everyPage = groups.flatMap((group) => group.pages)
  const chosen = choice && choice.roomId === roomId ? everyPage.find((p) => p.id === choice.pageId) : undefined
  const page = chosen ?? fallback ?? contextPages[0] ?? null

  return {
    roomId,
    groups,
    page,
    shown,
    following: !chosen || chosen.id === fallback?.id,
    block: page ? drawBlock(state, page) : 'not_allowed',
    select: (pageId) => setChoice(pageId === fallback?.id ? null : { roomId, pageId }),
    follow: () => setChoice(null),
  }
}
