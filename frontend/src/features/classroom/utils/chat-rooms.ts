/**
 * Which chat a person reads. During a breakout round a student reads their room's chat only (the main
 * room's chat comes back when the round ends); tutors hear every room and pick one to read.
 */
import type { ChatMessage } from './protocol'
import type { RoomState } from './room-state'

/** A chat to read: the main room (null) or a breakout room's id. */
export type ChatRoomId = string | null

export interface ChatRoomOption {
  roomId: ChatRoomId
  /** The room's number; null for the main room and for rooms of an earlier round seen only in the chat. */
  number: number | null
}

export function messagesIn(chat: readonly ChatMessage[], roomId: ChatRoomId): ChatMessage[] {
  return chat.filter((message) => (message.room_id ?? null) === roomId)
}

/** The chat a student reads and writes in now: their breakout room's, or the main room's. */
export function studentChatRoom(state: RoomState): ChatRoomId {
  return state.breakout?.myRoomId ?? null
}

/**
 * The chats a tutor can read: the main room, every room of the open round, then rooms of earlier rounds
 * that have messages (kept with the class after the round).
 */
export function tutorChatRooms(state: RoomState): ChatRoomOption[] {
  const options: ChatRoomOption[] = [{ roomId: null, number: null }]
  const seen = new Set<string>()
  for (const room of state.breakout?.round.rooms ?? []) {
    seen.add(room.id)
    options.push({ roomId: room.id, number: room.number })
  }
  for (const message of state.chat) {
    const roomId = message.room_id
    if (!roomId || seen.has(roomId)) continue
    seen.add(roomId)
    options.push({ roomId, number: state.roomNumbers[roomId] ?? null })
  }
  return options
}
