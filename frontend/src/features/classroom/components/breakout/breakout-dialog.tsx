import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup, TextField } from '@/components/ui/field'
import { Dialog } from '@/components/ui/dialog'

import { useAdmittedRoom } from '../../hooks/room-context'
import { BREAKOUT_MAX_MINUTES, BREAKOUT_MAX_ROOMS, type BreakoutMode } from '../../utils/protocol'
import { PlacementList } from './placement-list'

const MODES: readonly BreakoutMode[] = ['random', 'manual', 'choose']
const MODE_LABELS = { random: 'random', manual: 'manual', choose: 'choose' } as const
const MODE_HINTS = { random: 'randomHint', manual: 'manualHint', choose: 'chooseHint' } as const

/** A whole number within [min, max] typed by a person, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim())
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null
}

/** Every student gets a room, shared out in turn; the tutor changes any of them before opening. */
function defaultPlacement(index: number, rooms: number): number {
  return (index % rooms) + 1
}

/**
 * The tutor splits the class into breakout rooms: how many, for how long, and how students get there
 * (at random, placed by hand, or by their own choice).
 */
export function BreakoutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { state, act } = useAdmittedRoom()
  const [roomsText, setRoomsText] = useState('2')
  const [minutesText, setMinutesText] = useState('10')
  const [mode, setMode] = useState<BreakoutMode>('random')
  /** Rooms the tutor chose by hand (0: stays in the main room); the rest follow `defaultPlacement`. */
  const [placed, setPlaced] = useState<Record<string, number>>({})
  const [errors, setErrors] = useState<{ rooms?: string; minutes?: string }>({})
  const roomsRef = useRef<HTMLInputElement>(null)
  const minutesRef = useRef<HTMLInputElement>(null)

  const students = state.participants.filter((person) => person.role === 'student')
  const rooms = wholeNumber(roomsText, 1, BREAKOUT_MAX_ROOMS)
  const placementOf = (userId: string, index: number): number => {
    const chosen = placed[userId]
    if (rooms === null) return 0
    return chosen !== undefined && chosen <= rooms ? chosen : defaultPlacement(index, rooms)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const minutes = wholeNumber(minutesText, 1, BREAKOUT_MAX_MINUTES)
    const found = {
      rooms: rooms === null ? t('classroom.breakout.roomsError') : undefined,
      minutes: minutes === null ? t('classroom.breakout.minutesError') : undefined,
    }
    setErrors(found)
    if (rooms === null || minutes === null) {
      ;(found.rooms ? roomsRef : minutesRef).current?.focus()
      return
    }
    const assignments: Record<string, number> = {}
    students.forEach((student, index) => {
      const room = placementOf(student.user_id, index)
      if (room > 0) assignments[student.user_id] = room
    })
    const sent = act({ type: 'breakout.start', rooms, minutes, mode, ...(mode === 'manual' ? { assignments } : {}) })
    if (sent) onClose()
  }

  return (
    <Dialog open={open} title={t('classroom.breakout.dialogTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            ref={roomsRef}
            label={t('classroom.breakout.rooms')}
            type="number"
            inputMode="numeric"
            min={1}
            max={BREAKOUT_MAX_ROOMS}
            value={roomsText}
            error={errors.rooms}
            onChange={(event) => setRoomsText(event.target.value)}
          />
          <TextField
            ref={minutesRef}
            label={t('classroom.breakout.minutes')}
            type="number"
            inputMode="numeric"
            min={1}
            max={BREAKOUT_MAX_MINUTES}
            value={minutesText}
            error={errors.minutes}
            onChange={(event) => setMinutesText(event.target.value)}
          />
        </div>
        <ChoiceGroup legend={t('classroom.breakout.mode')} hint={t(`classroom.breakout.${MODE_HINTS[mode]}`)}>
          {MODES.map((value) => (
            <Choice
              key={value}
              type="radio"
              name="breakout-mode"
              value={value}
              label={t(`classroom.breakout.${MODE_LABELS[value]}`)}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
          ))}
        </ChoiceGroup>
        {students.length === 0 ? (
          <p className="text-sm text-slate-700">{t('classroom.breakout.noStudents')}</p>
        ) : (
          mode === 'manual' &&
          rooms !== null && (
            <PlacementList
              students={students}
              rooms={rooms}
              placementOf={placementOf}
              onPlace={(userId, room) => setPlaced((current) => ({ ...current, [userId]: room }))}
            />
          )
        )}
        <Button type="submit">{t('classroom.breakout.start')}</Button>
      </form>
    </Dialog>
  )
}
