import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Select } from '@/components/ui/input'

import type { Person } from '../../utils/protocol'

/** "I'll place students": a room for each student (or the main room), chosen before the rooms open. */
export function PlacementList({
  students,
  rooms,
  placementOf,
  onPlace,
}: {
  students: readonly Person[]
  rooms: number
  /** The room number a student goes to; 0 for the main room. */
  placementOf: (userId: string, index: number) => number
  onPlace: (userId: string, room: number) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  const numbers = Array.from({ length: rooms }, (_, index) => index + 1)
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium text-slate-900">{t('classroom.breakout.placeHeading')}</legend>
      <ul className="divide-y divide-slate-200">
        {students.map((student, index) => {
          const id = `${baseId}-${index}`
          return (
            <li key={student.user_id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <label htmlFor={id} className="min-w-0 flex-1 break-words text-slate-900">
                <span aria-hidden="true">{student.name}</span>
                <span className="sr-only">{t('classroom.breakout.placeFor', { name: student.name })}</span>
              </label>
              <Select
                id={id}
                value={placementOf(student.user_id, index)}
                onChange={(event) => onPlace(student.user_id, Number(event.target.value))}
                className="w-auto min-w-36"
              >
                <option value={0}>{t('classroom.breakout.mainRoom')}</option>
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    {t('classroom.breakout.roomName', { number })}
                  </option>
                ))}
              </Select>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
