import { describe, expect, it } from 'vitest'

import { buildLiveClass, classAt } from '@/testing/schedule-factories'

import { entryState, hasStarted, opensAt } from './entry-window'

const NOW = Date.parse('2030-12-04T11:00:00Z')
const MINUTE = 60_000

describe('entering a class', () => {
  it('opens 10 minutes before the start for students', () => {
    const session = classAt(NOW, 25)
    expect(opensAt(session)).toBe(NOW + 15 * MINUTE)
    expect(entryState(session, NOW)).toEqual({ kind: 'opens', opensAt: NOW + 15 * MINUTE })
    expect(entryState(session, NOW + 15 * MINUTE)).toEqual({ kind: 'open' })
  })

  it('opens an hour before the start for those who teach it', () => {
    const session = classAt(NOW, 90, { viewer: { can_manage: true, can_enter_now: false, entry_refusal: 'too_early' } })
    expect(entryState(session, NOW)).toEqual({ kind: 'opens', opensAt: NOW + 30 * MINUTE })
    expect(entryState(session, NOW + 30 * MINUTE)).toEqual({ kind: 'open' })
  })

  it('trusts the server when it already lets the viewer in, until the class is over', () => {
    const session = classAt(NOW, 5, { viewer: { can_manage: false, can_enter_now: true, entry_refusal: null } })
    expect(entryState(session, NOW)).toEqual({ kind: 'open' })
    expect(entryState(session, NOW + 70 * MINUTE)).toEqual({ kind: 'closed', reason: 'session_over' })
  })

  it('stays open while the tutor runs the class past its end', () => {
    const session = classAt(NOW, -70, { status: 'live', viewer: { can_manage: false, can_enter_now: true, entry_refusal: null } })
    expect(entryState(session, NOW)).toEqual({ kind: 'open' })
  })

  it('stays closed for cancelled, ended and uninvited', () => {
    for (const reason of ['session_cancelled', 'session_ended', 'not_invited'] as const) {
      const session = buildLiveClass({ viewer: { can_manage: false, can_enter_now: false, entry_refusal: reason } })
      expect(entryState(session, NOW)).toEqual({ kind: 'closed', reason })
    }
  })

  it('knows when a class has started', () => {
    expect(hasStarted(classAt(NOW, 5), NOW)).toBe(false)
    expect(hasStarted(classAt(NOW, -5), NOW)).toBe(true)
    expect(hasStarted(classAt(NOW, 5, { status: 'live' }), NOW)).toBe(true)
    expect(hasStarted(classAt(NOW, -5, { status: 'cancelled' }), NOW)).toBe(false)
  })
})
