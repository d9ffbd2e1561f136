import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Select } from '@/components/ui/input'

import { useAdmittedRoom } from '../../hooks/room-context'
import type { BreakoutRoom, Person } from '../../utils/protocol'

const MAIN = 'main'

/** Moves one student to another breakout room, or back to the main room, at once. */
export function MoveSelect({
  student,
  currentRoomId,
  rooms,
}: {
  student: Person
  currentRoomId: string | null
  rooms: readonly BreakoutRoom[]
}) {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const id = useId()
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t('classroom.breakout.moveTo', { name: student.name })}
      </label>
      <Select
        id={id}
        value={currentRoomId ?? MAIN}
        onChange={(event) =>
          act({
            type: 'breakout.move',
            user_id: student.user_id,
            room_id: event.target.value === MAIN ? null : event.target.value,
          })
        }
        className="w-auto min-w-36 py-1"
      >
        <option value={MAIN}>{t('classroom.breakout.mainRoom')}</option>
        {rooms.map((room) => (
          <option key={room.id} value={room.id}>
            {t('classroom.breakout.roomName', { number: room.number })}
          </option>
        ))}
      </Select>
    </div>
  )
}
