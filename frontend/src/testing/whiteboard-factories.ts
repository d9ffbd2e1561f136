import type { BoardPage, BoardSnapshot, BreakoutRound, WireElement } from '@/features/classroom/utils/protocol'

let pageSeq = 0
export function buildBoardPage(overrides: Partial<BoardPage> = {}): BoardPage {
  pageSeq += 1
  return {
    id: `90000000-0000-4000-8000-${String(pageSeq).padStart(12, '0')}`,
    title: `Page ${pageSeq}`,
    position: pageSeq,
    room_id: null,
    ...overrides,
  }
}

/** A main board of `pages` (two by default), shown on the first, open to nobody. */
export function buildBoard(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  const pages = overrides.pages ?? [
    buildBoardPage({ title: 'Page 1', position: 1 }),
    buildBoardPage({ title: 'Page 2', position: 2 }),
  ]
  return {
    pages,
    shown_page_id: pages[0]?.id ?? null,
    everyone: false,
    allowed: [],
    can_draw: false,
    ...overrides,
  }
}

/** A breakout round whose rooms each have a board page, as the server sends it. */
export function withBoardPages(round: BreakoutRound): BreakoutRound {
  return {
    ...round,
    rooms: round.rooms.map((room) => ({ ...room, board_page_id: `b${room.id.slice(1)}` })),
  }
}

let elementSeq = 0
/** An Excalidraw rectangle as it travels over the socket. */
export function buildElement(overrides: Partial<WireElement> = {}): WireElement {
  elementSeq += 1
  return {
    id: `el-${elementSeq}`,
    type: 'rectangle',
    x: 10 * elementSeq,
    y: 20,
    width: 100,
    height: 60,
    version: 1,
    versionNonce: 1000 + elementSeq,
    isDeleted: false,
    index: `a${String(elementSeq).padStart(4, '0')}`,
    ...overrides,
  }
}
