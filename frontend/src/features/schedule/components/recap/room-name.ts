import type { TFunction } from 'i18next'

import type { RoomLabel } from '../../utils/recap'

/** "Room 2", or "Room 2 (round 3)" when the class had several rounds of breakout rooms. */
export function roomName(t: TFunction, room: RoomLabel): string {
  const name = room.name || t('schedule.recap.breakoutRoom')
  return room.round === null ? name : t('schedule.recap.roomInRound', { name, round: room.round })
}
