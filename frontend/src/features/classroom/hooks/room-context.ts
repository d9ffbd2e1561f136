import { createContext, useContext } from 'react'

import type { RoomAction } from '../utils/protocol'
import type { RoomState } from '../utils/room-state'
import type { RoomConnection } from './use-room-socket'

export interface RoomContextValue {
  state: RoomState
  connection: RoomConnection
  /** Sends an action; tells the person when the room is not connected. Returns whether it went out. */
  act: (action: RoomAction) => boolean
  /**
   * Sends an action quietly (media signaling, which recovers by itself); returns whether it went out.
   * Absent from contexts made by hand around one panel: `act` stands in then.
   */
  send?: (action: RoomAction) => boolean
  /** Clears a call for help or a notice from this screen only. */
  dismiss: (what: 'help' | 'notice', id: number) => void
}

/** The room shared by every panel of the page, so new panels plug in without prop chains. */
export const RoomContext = createContext<RoomContextValue | null>(null)

export function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext)
  if (!value) throw new Error('useRoomContext must be used inside the room page')
  return value
}

/** The admitted room: `me` and `session` are always there once the welcome arrived. */
export function useAdmittedRoom() {
  const room = useRoomContext()
  const { me, session } = room.state
  if (!me || !session) throw new Error('The room has not welcomed this client yet')
  return { ...room, me, session }
}
