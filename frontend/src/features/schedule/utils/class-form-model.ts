import type { JoinPolicy, LiveClass, LiveClassUpdateBody, ScheduleBody } from '../api/types'
import { fromMinorUnits, toMinorUnits } from '@/lib/format'

import { addDays, dateKeyAt, instantOf, isDateKey, isTimeKey, timeKeyAt, weekdayOf, yearOf } from './zoned-time'

/** The server's limits (`classroom` scheduling service and serializers). */
export const LIMITS = {
  titleMax: 160,
  descriptionMax: 5000,
  capacityMin: 1,
  capacityMax: 1000,
  seatPriceMax: 100_000_000,
  lateMax: 240,
  percentMax: 100,
  maxDurationMs: 12 * 60 * 60_000,
  pastGraceMs: 5 * 60_000,
  seriesMax: 100,
  exceptionsMax: 200,
  yearMin: 2000,
  yearMax: 2100,
} as const

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const

export interface ClassFormValues {
  title: string
  description: string
  /** A course slug, or '' for a standalone class. */
  course: string
  /** "YYYY-MM-DD" and "HH:MM" on the tutor's own clock. */
  date: string
  start: string
  end: string
  capacity: string
  /** A standalone class's seat price in major units ("" or "0" for free) and its currency. */
  seat_price: string
  seat_currency: 'PKR' | 'USD'
  waiting_room: boolean
  /** Students who consent send a camera frame a minute, and attendance counts the frames with a face. */
  face_presence: boolean
  join_policy: JoinPolicy
  late: string
  present: string
  repeat: boolean
  /** Monday = 0 … Sunday = 6. */
  weekdays: number[]
  until: string
  exceptions: string[]
}

export type ClassFormField =
  | 'title'
  | 'description'
  | 'course'
  | 'date'
  | 'start'
  | 'end'
  | 'capacity'
  | 'seat_price'
  | 'waiting_room'
  | 'face_presence'
  | 'join_policy'
  | 'late'
  | 'present'
  | 'weekdays'
  | 'until'
  | 'exceptions'

/** Why a field is refused; each has a sentence under `schedule.form.errors`. */
export type ClassFormErrorCode =
  | 'titleRequired'
  | 'dateRequired'
  | 'dateInvalid'
  | 'startRequired'
  | 'endRequired'
  | 'startPast'
  | 'endPast'
  | 'endBeforeStart'
  | 'tooLong'
  | 'capacityInvalid'
  | 'seatPriceInvalid'
  | 'lateInvalid'
  | 'presentInvalid'
  | 'weekdaysRequired'
  | 'noClasses'
  | 'untilRequired'
  | 'untilBeforeStart'
  | 'tooMany'
  | 'exceptionInvalid'

export type ClassFormErrors = Partial<Record<ClassFormField, ClassFormErrorCode>>

export function emptyClassValues(course = ''): ClassFormValues {
  return {
    title: '',
    description: '',
    course,
    date: '',
    start: '',
    end: '',
    capacity: '',
    seat_price: '',
    seat_currency: 'PKR',
    waiting_room: false,
    face_presence: false,
    join_policy: 'course',
    late: '10',
    present: '50',
    repeat: false,
    weekdays: [],
    until: '',
    exceptions: [],
  }
}

/** A class as the edit form shows it, on the clock of the tutor editing it. */
export function classValues(session: LiveClass, timeZone: string): ClassFormValues {
  const start = Date.parse(session.starts_at)
  const end = Date.parse(session.ends_at)
  return {
    ...emptyClassValues(session.course?.slug ?? ''),
    title: session.title,
    description: session.description,
    date: dateKeyAt(start, timeZone),
    start: timeKeyAt(start, timeZone),
    end: timeKeyAt(end, timeZone),
    capacity: session.capacity === null ? '' : String(session.capacity),
    seat_price: session.seat_price_amount ? fromMinorUnits(session.seat_price_amount) : '',
    seat_currency: session.seat_currency === 'USD' ? 'USD' : 'PKR',
    waiting_room: session.waiting_room,
    face_presence: session.face_presence,
    join_policy: session.join_policy,
    late: String(session.late_after_minutes),
    present: String(session.present_min_percent),
  }
}

/** A whole number in `[min, max]`, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= min && value <= max ? value : null
}

function validDate(value: string): boolean {
  return isDateKey(value) && yearOf(value) >= LIMITS.yearMin && yearOf(value) <= LIMITS.yearMax
}

/**
 * The dates of a weekly series: each chosen weekday from the first date to `until` (both
 * included), minus the exception dates. Stops counting past `limit`.
 */
export function seriesDates(
  values: Pick<ClassFormValues, 'date' | 'weekdays' | 'until' | 'exceptions'>,
  limit: number = LIMITS.seriesMax + 1,
): string[] {
  if (!validDate(values.date) || !validDate(values.until) || values.weekdays.length === 0) return []
  const skip = new Set(values.exceptions)
  const dates: string[] = []
  for (let day = values.date; day <= values.until && dates.length < limit; day = addDays(day, 1)) {
    if (values.weekdays.includes(weekdayOf(day)) && !skip.has(day)) dates.push(day)
  }
  return dates
}

export interface ValidateOptions {
  timeZone: string
  now: number
  /** Editing: the values the form started from (a start that did not move is not checked against now). */
  initial?: ClassFormValues
  /** Editing a class that is running: its end may move, but not into the past. */
  live?: boolean
}

/** The server's checks, run before sending so mistakes show at once and at the right field. */
export function validateClass(values: ClassFormValues, options: ValidateOptions): ClassFormErrors {
  const errors: ClassFormErrors = {}
  if (!values.title.trim()) errors.title = 'titleRequired'

  if (!values.date) errors.date = 'dateRequired'
  else if (!validDate(values.date)) errors.date = 'dateInvalid'
  if (!isTimeKey(values.start)) errors.start = 'startRequired'
  if (!isTimeKey(values.end)) errors.end = 'endRequired'

  if (!errors.date && !errors.start && !errors.end) {
    const start = instantOf(values.date, values.start, options.timeZone)
    const end = instantOf(values.date, values.end, options.timeZone)
    if (start !== null && end !== null) {
      const startMoved =
        !options.initial || values.date !== options.initial.date || values.start !== options.initial.start
      if (startMoved && start < options.now - LIMITS.pastGraceMs) errors.start = 'startPast'
      else if (options.live && end <= options.now) errors.end = 'endPast'
      else if (end <= start) errors.end = 'endBeforeStart'
      else if (end - start > LIMITS.maxDurationMs) errors.end = 'tooLong'
    }
  }

  if (values.capacity.trim() && wholeNumber(values.capacity, LIMITS.capacityMin, LIMITS.capacityMax) === null) {
    errors.capacity = 'capacityInvalid'
  }
  const seatPrice = toMinorUnits(values.seat_price)
  if (seatPrice === 'invalid' || (seatPrice !== null && seatPrice > LIMITS.seatPriceMax)) {
    errors.seat_price = 'seatPriceInvalid'
  }
  if (wholeNumber(values.late, 0, LIMITS.lateMax) === null) errors.late = 'lateInvalid'
  if (wholeNumber(values.present, 0, LIMITS.percentMax) === null) errors.present = 'presentInvalid'

  if (values.repeat && !options.initial) {
    if (values.weekdays.length === 0) errors.weekdays = 'weekdaysRequired'
    if (!values.until || !validDate(values.until)) errors.until = 'untilRequired'
    else if (validDate(values.date) && values.until < values.date) errors.until = 'untilBeforeStart'
    if (values.exceptions.some((day) => !validDate(day))) errors.exceptions = 'exceptionInvalid'
    if (!errors.weekdays && !errors.until && !errors.date) {
      const count = seriesDates(values).length
      if (count === 0) errors.weekdays = 'noClasses'
      else if (count > LIMITS.seriesMax) errors.until = 'tooMany'
    }
  }
  return errors
}

/** Times go without an offset: the server reads them on the tutor's own clock. */
function naive(date: string, time: string): string {
  return `${date}T${time}`
}

function sharedBody(values: ClassFormValues) {
  const capacity = wholeNumber(values.capacity, LIMITS.capacityMin, LIMITS.capacityMax)
  const seatPrice = toMinorUnits(values.seat_price)
  return {
    title: values.title.trim(),
    description: values.description,
    capacity,
    // Only a class that belongs to no course sells seats; a course's students join through the course.
    ...(values.course
      ? {}
      : { seat_price_amount: typeof seatPrice === 'number' ? seatPrice : 0, seat_currency: values.seat_currency }),
    waiting_room: values.waiting_room,
    late_after_minutes: Number(values.late.trim()),
    present_min_percent: Number(values.present.trim()),
  }
}

export function toScheduleBody(values: ClassFormValues): ScheduleBody {
  const body: ScheduleBody = {
    ...sharedBody(values),
    starts_at: naive(values.date, values.start),
    ends_at: naive(values.date, values.end),
  }
  // Off is the server's default, so it is only sent when asked for.
  if (values.face_presence) body.face_presence = true
  if (values.course) {
    body.course = values.course
    body.join_policy = values.join_policy
  }
  if (values.repeat) {
    body.recurrence = {
      weekdays: [...new Set(values.weekdays)].sort((a, b) => a - b),
      until: values.until,
      exceptions: [...new Set(values.exceptions)].sort(),
    }
  }
  return body
}

/**
 * Only moved times are sent, so saving the title of a class that is already running is not refused
 * as "the start has already passed".
 */
export function toUpdateBody(values: ClassFormValues, initial: ClassFormValues): LiveClassUpdateBody {
  const dateMoved = values.date !== initial.date
  return {
    ...sharedBody(values),
    ...(values.face_presence !== initial.face_presence ? { face_presence: values.face_presence } : {}),
    ...(dateMoved || values.start !== initial.start ? { starts_at: naive(values.date, values.start) } : {}),
    ...(dateMoved || values.end !== initial.end ? { ends_at: naive(values.date, values.end) } : {}),
  }
}

const SERVER_FIELDS: Record<string, ClassFormField> = {
  title: 'title',
  description: 'description',
  course: 'course',
  starts_at: 'start',
  ends_at: 'end',
  capacity: 'capacity',
  seat_price_amount: 'seat_price',
  seat_currency: 'seat_price',
  waiting_room: 'waiting_room',
  face_presence: 'face_presence',
  join_policy: 'join_policy',
  late_after_minutes: 'late',
  present_min_percent: 'present',
  recurrence: 'weekdays',
  'recurrence.non_field_errors': 'weekdays',
  'recurrence.weekdays': 'weekdays',
  'recurrence.until': 'until',
  'recurrence.exceptions': 'exceptions',
}

/** The form field a server error names: `recurrence.weekdays.0` → weekdays, `ends_at` → end. */
export function formFieldOf(serverField: string): ClassFormField | undefined {
  return SERVER_FIELDS[serverField] ?? SERVER_FIELDS[serverField.replace(/\.\d+$/, '')]
}

/** Server field errors → messages at the form's own fields, and those no field shows. */
export function mapServerErrors(fields: Record<string, string[]>): {
  errors: Partial<Record<ClassFormField, string>>
  other: string[]
} {
  const errors: Partial<Record<ClassFormField, string>> = {}
  const other: string[] = []
  for (const [key, messages] of Object.entries(fields)) {
    const field = formFieldOf(key)
    const first = messages[0]
    if (field && first) errors[field] ??= first
    else other.push(...messages)
  }
  return { errors, other }
}
