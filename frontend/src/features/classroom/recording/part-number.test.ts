import { describe, expect, it } from 'vitest'

import { MAX_PART, PART_SPAN_MS, partAfterResume, recordingMemory } from './part-number'

const STARTED = '2026-12-04T12:00:00Z'
const at = (ms: number) => Date.parse(STARTED) + ms

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  }
}

describe('part numbers', () => {
  it('continues after the highest part this browser used', () => {
    expect(partAfterResume({ lastPart: 0, startedAt: STARTED, now: at(5_000) })).toBe(1)
    expect(partAfterResume({ lastPart: 7, startedAt: STARTED, now: at(60_000) })).toBe(8)
  })

  it('without a memory, counts from how long the recording has run, never reusing part 0', () => {
    expect(partAfterResume({ lastPart: null, startedAt: STARTED, now: at(10_000) })).toBe(1)
    expect(partAfterResume({ lastPart: null, startedAt: STARTED, now: at(10 * PART_SPAN_MS + 1) })).toBe(11)
    expect(partAfterResume({ lastPart: null, startedAt: null, now: at(0) })).toBe(1)
    // A clock behind the server's still gives a part after the first.
    expect(partAfterResume({ lastPart: null, startedAt: STARTED, now: at(-60_000) })).toBe(1)
  })

  it('takes whichever is higher, and stays within the server’s 0–999', () => {
    expect(partAfterResume({ lastPart: 2, startedAt: STARTED, now: at(20 * PART_SPAN_MS) })).toBe(21)
    expect(partAfterResume({ lastPart: 30, startedAt: STARTED, now: at(2 * PART_SPAN_MS) })).toBe(31)
    expect(partAfterResume({ lastPart: 998, startedAt: STARTED, now: at(0) })).toBe(MAX_PART)
    expect(partAfterResume({ lastPart: null, startedAt: STARTED, now: at(13 * 3_600_000) })).toBe(MAX_PART)
  })

  it('remembers the last part per recording, and which recording this tab was making', () => {
    const shared = memoryStorage()
    const tab = memoryStorage()
    const memory = recordingMemory(shared, tab)
    expect(memory.lastPart('r1')).toBeNull()
    memory.usePart('r1', 3)
    expect(memory.lastPart('r1')).toBe(3)
    expect(recordingMemory(shared, memoryStorage()).lastPart('r1')).toBe(3)
    memory.forget('r1')
    expect(memory.lastPart('r1')).toBeNull()

    memory.setTabRecording('class-1', 'r1')
    expect(memory.tabRecording('class-1')).toBe('r1')
    expect(recordingMemory(shared, memoryStorage()).tabRecording('class-1')).toBeNull()
    memory.setTabRecording('class-1', null)
    expect(memory.tabRecording('class-1')).toBeNull()
  })

  it('ignores stored values that are not part numbers, and storage that fails', () => {
    const shared = memoryStorage()
    shared.items.set('ustad.recording.part.r1', 'banana')
    shared.items.set('ustad.recording.part.r2', '5000')
    const memory = recordingMemory(shared, null)
    expect(memory.lastPart('r1')).toBeNull()
    expect(memory.lastPart('r2')).toBeNull()
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => undefined,
    }
    const none = recordingMemory(broken, broken)
    expect(none.lastPart('r1')).toBeNull()
    expect(() => none.usePart('r1', 1)).not.toThrow()
    expect(none.tabRecording('class-1')).toBeNull()
  })
})
