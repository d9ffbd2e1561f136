import { describe, expect, it } from 'vitest'

import { classroomSocketUrl, isFinalClose, parseServerFrame } from './protocol'

describe('classroom protocol helpers', () => {
  it('builds the room URL, with `after` only when reconnecting', () => {
    expect(classroomSocketUrl('c1', 'a b', null, { protocol: 'https:', host: 'ustad.pk' })).toBe(
      'wss://ustad.pk/ws/classroom/c1/?ticket=a+b',
    )
    expect(classroomSocketUrl('c1', 't', 42, { protocol: 'http:', host: 'localhost:8000' })).toBe(
      'ws://localhost:8000/ws/classroom/c1/?ticket=t&after=42',
    )
  })

  it('accepts only objects with a string type', () => {
    expect(parseServerFrame('nope')).toBeNull()
    expect(parseServerFrame('[1]')).toBeNull()
    expect(parseServerFrame('{"type":1}')).toBeNull()
    expect(parseServerFrame(new ArrayBuffer(2))).toBeNull()
    expect(parseServerFrame('{"type":"pong"}')).toEqual({ type: 'pong' })
  })

  it('never reconnects after refusals, but does after drops and floods', () => {
    expect([4401, 4403, 4404, 4410].every(isFinalClose)).toBe(true)
    expect([1000, 1006, 1011, 4429].some(isFinalClose)).toBe(false)
  })
})
