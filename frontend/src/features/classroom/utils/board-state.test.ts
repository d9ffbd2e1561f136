import { describe, expect, it } from 'vitest'

import { buildPerson, buildRound, buildWelcome, roomEvent, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'
import { buildBoard, buildBoardPage, withBoardPages } from '@/testing/whiteboard-factories'

import { boardRoomId, drawBlock, mainPages, roomFirstPage, roomPages, shownPage } from './board-state'
import { initialRoomState, roomReducer, type RoomInput, type RoomState } from './room-state'

function run(frames: RoomInput[], state: RoomState = initialRoomState): RoomState {
  return frames.reduce(roomReducer, state)
}

const bilal = buildPerson({ name: 'Bilal' })
const tutorYou = { you: { user_id: TUTOR_ID, tutor: true } }

describe('the whiteboard in the room state', () => {
  it('has no board when the welcome carries none', () => {
    expect(run([buildWelcome()]).board).toBeNull()
  })

  it('takes the pages, the shown page and who may draw from the welcome', () => {
    const board = buildBoard({ everyone: false, allowed: [STUDENT_ID], can_draw: true })
    const state = run([buildWelcome({ board })])
    expect(state.board).toEqual({
      pages: board.pages,
      shownPageId: board.shown_page_id,
      everyone: false,
      allowed: [STUDENT_ID],
      canDraw: true,
    })
    expect(shownPage(state.board!)?.title).toBe('Page 1')
  })

  it('adds, shows and renames pages, once each even when replayed', () => {
    const board = buildBoard()
    const added = buildBoardPage({ title: 'Fractions', position: 3 })
    const events = [
      roomEvent(11, { type: 'board.page_added', page: added }),
      roomEvent(12, { type: 'board.page_shown', page_id: added.id }),
      roomEvent(13, { type: 'board.page_renamed', page_id: added.id, title: 'Fractions, part 2' }),
    ]
    const state = run([buildWelcome({ last_seq: 10, board }), ...events, ...events])
    expect(mainPages(state.board!).map((page) => page.title)).toEqual(['Page 1', 'Page 2', 'Fractions, part 2'])
    expect(state.board?.shownPageId).toBe(added.id)
    expect(shownPage(state.board!)?.id).toBe(added.id)
    expect(state.lastSeq).toBe(13)
  })

  it('falls back on the first main page when none has been shown', () => {
    const state = run([buildWelcome({ board: buildBoard({ shown_page_id: null }) })])
    expect(shownPage(state.board!)?.title).toBe('Page 1')
  })

  it('opens and closes the board to students', () => {
    const state = run([buildWelcome({ last_seq: 1, board: buildBoard() })])
    const page = state.board!.pages[0]!
    expect(drawBlock(state, page)).toBe('not_allowed')

    const everyone = run([roomEvent(2, { type: 'board.access', everyone: true, allowed: [] })], state)
    expect(everyone.board?.canDraw).toBe(true)
    expect(drawBlock(everyone, page)).toBeNull()

    const oneByOne = run([roomEvent(3, { type: 'board.access', everyone: false, allowed: [bilal.user_id] })], everyone)
    expect(oneByOne.board?.canDraw).toBe(false)
    const me = run([roomEvent(4, { type: 'board.access', everyone: false, allowed: [bilal.user_id, STUDENT_ID] })], oneByOne)
    expect(me.board?.canDraw).toBe(true)
    expect(me.board?.allowed).toEqual([bilal.user_id, STUDENT_ID])
  })

  it('lets tutors draw anywhere, always', () => {
    const state = run([buildWelcome({ ...tutorYou, last_seq: 1, board: buildBoard({ can_draw: true }) })])
    const closed = run([roomEvent(2, { type: 'board.access', everyone: false, allowed: [] })], state)
    expect(closed.board?.canDraw).toBe(true)
    expect(drawBlock(closed, buildBoardPage({ room_id: 'some-room' }))).toBeNull()
  })

  it("gives a student their breakout room's page, and only theirs", () => {
    const round = withBoardPages(buildRound({ members: [[bilal.user_id], [STUDENT_ID]] }))
    const [one, two] = round.rooms
    const state = run([
      buildWelcome({ last_seq: 1, board: buildBoard() }),
      roomEvent(2, { type: 'breakout.started', round }),
    ])
    expect(boardRoomId(state)).toBe(two!.id)
    expect(roomFirstPage(state, two!.id)?.id).toBe(two!.board_page_id)
    expect(state.board?.pages.filter((page) => page.room_id !== null).map((page) => page.id)).toEqual([
      two!.board_page_id,
    ])
    expect(drawBlock(state, roomFirstPage(state, two!.id)!)).toBeNull()
    // Moved to another room mid-round: that room's page comes from the round.
    const moved = run([roomEvent(3, { type: 'breakout.moved', user_id: STUDENT_ID, room_id: one!.id })], state)
    expect(boardRoomId(moved)).toBe(one!.id)
    expect(roomPages(moved, one!.id).map((page) => page.id)).toEqual([one!.board_page_id])
    expect(drawBlock(moved, roomFirstPage(moved, two!.id)!)).toBe('not_your_room')
    // Back in the main room after the round.
    const ended = run([roomEvent(4, { type: 'breakout.ended', round_id: round.id })], moved)
    expect(boardRoomId(ended)).toBeNull()
  })

  it("keeps every room's page for tutors after the round, and follows their visits", () => {
    const round = withBoardPages(buildRound({ members: [[bilal.user_id], [STUDENT_ID]] }))
    const [one, two] = round.rooms
    const state = run([
      buildWelcome({ ...tutorYou, last_seq: 1, board: buildBoard() }),
      roomEvent(2, { type: 'breakout.started', round }),
      roomEvent(3, { type: 'breakout.visit', user_id: TUTOR_ID, room_id: two!.id }),
    ])
    expect(boardRoomId(state)).toBe(two!.id)
    const added = buildBoardPage({ room_id: two!.id, title: 'Ideas', position: 2 })
    const more = run([roomEvent(4, { type: 'board.page_added', page: added })], state)
    expect(roomPages(more, two!.id).map((page) => page.title)).toEqual([two!.name, 'Ideas'])

    const ended = run([roomEvent(5, { type: 'breakout.ended', round_id: round.id })], more)
    expect(boardRoomId(ended)).toBeNull()
    expect(ended.board?.pages.filter((page) => page.room_id !== null).map((page) => page.id)).toEqual([
      one!.board_page_id,
      two!.board_page_id,
      added.id,
    ])
  })

  it('takes the breakout pages of a round already open at the welcome', () => {
    const round = withBoardPages(buildRound({ members: [[STUDENT_ID], [bilal.user_id]] }))
    const state = run([buildWelcome({ board: buildBoard(), breakout: { round, my_room_id: round.rooms[0]!.id } })])
    expect(roomPages(state, round.rooms[0]!.id).map((page) => page.id)).toEqual([round.rooms[0]!.board_page_id])
    expect(state.board?.pages.some((page) => page.id === round.rooms[1]!.board_page_id)).toBe(false)
  })

  it('ignores board events in a class without a board', () => {
    const state = run([
      buildWelcome({ last_seq: 1 }),
      roomEvent(2, { type: 'board.page_shown', page_id: 'x' }),
    ])
    expect(state.board).toBeNull()
    expect(state.lastSeq).toBe(2)
  })
})
