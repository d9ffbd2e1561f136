/** Reading a class's recap: whose chat, which board page, what each poll option scored. */
import type { BoardPage, RecapMessage, RecapPoll, RecapRoom } from '../api/types'

/** A breakout room as the recap names it; `round` only when the class had several rounds (names repeat). */
export interface RoomLabel {
  name: string
  round: number | null
}

export function roomLabels(rooms: readonly RecapRoom[]): Map<string, RoomLabel> {
  const rounds: string[] = []
  for (const room of rooms) if (!rounds.includes(room.round_id)) rounds.push(room.round_id)
  return new Map(
    rooms.map((room) => [
      room.id,
      { name: room.name, round: rounds.length > 1 ? rounds.indexOf(room.round_id) + 1 : null },
    ]),
  )
}

/** The messages of one room (`null`: the main room), in the order they were sent. */
export function roomMessages(chat: readonly RecapMessage[], roomId: string | null): RecapMessage[] {
  return chat.filter((message) => message.room_id === roomId)
}

export interface PageOption {
  page: BoardPage
  /** The breakout room whose board it is; null: the main board. */
  room: RoomLabel | null
}

/** The main board's pages first, then each breakout room's, in the rooms' order. */
export function pageOptions(pages: readonly BoardPage[], rooms: readonly RecapRoom[]): PageOption[] {
  const labels = roomLabels(rooms)
  const order = new Map(rooms.map((room, index) => [room.id, index]))
  const rank = (page: BoardPage) => (page.room_id === null ? -1 : (order.get(page.room_id) ?? rooms.length))
  return pages
    .map((page, index) => ({ page, index }))
    .sort((a, b) => rank(a.page) - rank(b.page) || a.index - b.index)
    .map(({ page }) => ({
      page,
      room: page.room_id === null ? null : (labels.get(page.room_id) ?? { name: '', round: null }),
    }))
}

/** The page the class last looked at, else the first. */
export function firstPageId(pages: readonly PageOption[], shownPageId: string | null): string | null {
  if (shownPageId && pages.some((option) => option.page.id === shownPageId)) return shownPageId
  return pages[0]?.page.id ?? null
}

export interface PollOption {
  id: string
  text: string
}

export function pollOptions(poll: Pick<RecapPoll, 'options'>): PollOption[] {
  return poll.options.map((option) => ({ id: option.id ?? '', text: option.text ?? '' }))
}

/** Share of the voters who chose an option (several-answer polls can add up to more than 100). */
export function pollPercent(poll: Pick<RecapPoll, 'results' | 'votes'>, optionId: string): number {
  if (poll.votes <= 0) return 0
  return Math.round(((poll.results[optionId] ?? 0) / poll.votes) * 100)
}
