import { describe, expect, it } from 'vitest'

import { buildLiveClass } from '@/testing/schedule-factories'

import {
  classValues,
  emptyClassValues,
  formFieldOf,
  mapServerErrors,
  seriesDates,
  toScheduleBody,
  toUpdateBody,
  validateClass,
  type ClassFormValues,
} from './class-form-model'

const ZONE = 'Asia/Karachi'
/** Tuesday 1 December 2026, 10:00 in Karachi. */
const NOW = Date.parse('2026-12-01T05:00:00Z')

const filled = (overrides: Partial<ClassFormValues> = {}): ClassFormValues => ({
  ...emptyClassValues(),
  title: 'Algebra live',
  date: '2026-12-04',
  start: '17:00',
  end: '18:30',
  ...overrides,
})

const check = (values: ClassFormValues) => validateClass(values, { timeZone: ZONE, now: NOW })

describe('class form: checks before sending', () => {
  it('accepts a complete class', () => {
    expect(check(filled())).toEqual({})
  })

  it('asks for the title, date and times', () => {
    expect(check(emptyClassValues())).toEqual({
      title: 'titleRequired',
      date: 'dateRequired',
      start: 'startRequired',
      end: 'endRequired',
    })
  })

  it('wants the end after the start, at most 12 hours later, and the start not past', () => {
    expect(check(filled({ end: '17:00' }))).toEqual({ end: 'endBeforeStart' })
    expect(check(filled({ start: '06:00', end: '18:30' }))).toEqual({ end: 'tooLong' })
    expect(check(filled({ date: '2026-12-01', start: '09:00', end: '11:00' }))).toEqual({ start: 'startPast' })
    // Five minutes' grace, as on the server.
    expect(check(filled({ date: '2026-12-01', start: '09:56', end: '11:00' }))).toEqual({})
    expect(check(filled({ date: '1999-12-31' }))).toEqual({ date: 'dateInvalid' })
  })

  it('checks the numbers', () => {
    expect(check(filled({ capacity: '0', late: '241', present: '101' }))).toEqual({
      capacity: 'capacityInvalid',
      late: 'lateInvalid',
      present: 'presentInvalid',
    })
    expect(check(filled({ capacity: '', late: '0', present: '100' }))).toEqual({})
  })

  it('checks a weekly series', () => {
    expect(check(filled({ repeat: true }))).toEqual({ weekdays: 'weekdaysRequired', until: 'untilRequired' })
    expect(check(filled({ repeat: true, weekdays: [0], until: '2026-12-03' }))).toEqual({ until: 'untilBeforeStart' })
    // 4 Dec 2026 is a Friday; only Mondays chosen and the series ends on Sunday.
    expect(check(filled({ repeat: true, weekdays: [0], until: '2026-12-06' }))).toEqual({ weekdays: 'noClasses' })
    expect(check(filled({ repeat: true, weekdays: [0, 1, 2, 3, 4, 5, 6], until: '2027-06-01' }))).toEqual({
      until: 'tooMany',
    })
    expect(check(filled({ repeat: true, weekdays: [4], until: '2026-12-31' }))).toEqual({})
  })

  it('does not hold an edited class to a start that did not move', () => {
    const initial = filled({ date: '2026-12-01', start: '09:00', end: '11:00' })
    const options = { timeZone: ZONE, now: NOW, initial, live: true }
    expect(validateClass({ ...initial, title: 'New title' }, options)).toEqual({})
    expect(validateClass({ ...initial, end: '09:30' }, options)).toEqual({ end: 'endPast' })
  })
})

describe('class form: what is sent', () => {
  it('sends times without an offset, a course with its join rule, and numbers as numbers', () => {
    const body = toScheduleBody(
      filled({ course: 'o-level-algebra', join_policy: 'seats', capacity: ' 30 ', waiting_room: true, late: '5', present: '75' }),
    )
    expect(body).toEqual({
      title: 'Algebra live',
      description: '',
      starts_at: '2026-12-04T17:00',
      ends_at: '2026-12-04T18:30',
      capacity: 30,
      waiting_room: true,
      late_after_minutes: 5,
      present_min_percent: 75,
      course: 'o-level-algebra',
      join_policy: 'seats',
    })
  })

  it('sends a standalone class its seat price in minor units, and a course class none', () => {
    const standalone = toScheduleBody(filled({ seat_price: '1,500.50', seat_currency: 'USD' }))
    expect(standalone).toMatchObject({ seat_price_amount: 150050, seat_currency: 'USD' })
    expect(toScheduleBody(filled()).seat_price_amount).toBe(0)
    expect(toScheduleBody(filled({ course: 'o-level-algebra', seat_price: '99' }))).not.toHaveProperty('seat_price_amount')
    expect(check(filled({ seat_price: '12.345' })).seat_price).toBe('seatPriceInvalid')
    expect(check(filled({ seat_price: 'free' })).seat_price).toBe('seatPriceInvalid')
    expect(classValues(buildLiveClass({ seat_price_amount: 250000, seat_currency: 'PKR' }), ZONE).seat_price).toBe('2500')
  })

  it('leaves course and join rule out of a standalone class', () => {
    const body = toScheduleBody(filled())
    expect(body).not.toHaveProperty('course')
    expect(body).not.toHaveProperty('join_policy')
    expect(body).not.toHaveProperty('recurrence')
    expect(body.capacity).toBeNull()
  })

  it('builds the weekly recurrence: sorted weekdays, the until date and sorted exceptions', () => {
    const values = filled({
      repeat: true,
      weekdays: [4, 0, 2],
      until: '2026-12-31',
      exceptions: ['2026-12-25', '2026-12-07', '2026-12-25'],
    })
    expect(toScheduleBody(values).recurrence).toEqual({
      weekdays: [0, 2, 4],
      until: '2026-12-31',
      exceptions: ['2026-12-07', '2026-12-25'],
    })
    expect(seriesDates(values)).toEqual([
      '2026-12-04',
      '2026-12-09',
      '2026-12-11',
      '2026-12-14',
      '2026-12-16',
      '2026-12-18',
      '2026-12-21',
      '2026-12-23',
      '2026-12-28',
      '2026-12-30',
    ])
  })

  it('sends only the times that moved when editing', () => {
    const session = buildLiveClass({ starts_at: '2026-12-04T12:00:00Z', ends_at: '2026-12-04T13:00:00Z', capacity: 20 })
    const initial = classValues(session, ZONE)
    expect(initial).toMatchObject({ date: '2026-12-04', start: '17:00', end: '18:00', capacity: '20' })
    expect(toUpdateBody({ ...initial, title: 'Renamed' }, initial)).not.toHaveProperty('starts_at')
    expect(toUpdateBody({ ...initial, end: '18:30' }, initial)).toMatchObject({ ends_at: '2026-12-04T18:30' })
    expect(toUpdateBody({ ...initial, end: '18:30' }, initial)).not.toHaveProperty('starts_at')
    expect(toUpdateBody({ ...initial, date: '2026-12-05' }, initial)).toMatchObject({
      starts_at: '2026-12-05T17:00',
      ends_at: '2026-12-05T18:00',
    })
  })
})

describe('class form: server field errors', () => {
  it('places dotted field names at the form’s fields', () => {
    expect(formFieldOf('recurrence.weekdays.0')).toBe('weekdays')
    expect(formFieldOf('recurrence.exceptions.3')).toBe('exceptions')
    expect(formFieldOf('ends_at')).toBe('end')
    expect(
      mapServerErrors({
        'recurrence.until': ['A series can have at most 100 classes.'],
        'recurrence.weekdays.0': ['Ensure this value is less than or equal to 6.'],
        starts_at: ['The start has already passed; choose a later time.'],
        something_else: ['Odd.'],
      }),
    ).toEqual({
      errors: {
        until: 'A series can have at most 100 classes.',
        weekdays: 'Ensure this value is less than or equal to 6.',
        start: 'The start has already passed; choose a later time.',
      },
      other: ['Odd.'],
    })
  })
})
