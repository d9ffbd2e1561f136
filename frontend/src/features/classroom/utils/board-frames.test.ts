import { describe, expect, it } from 'vitest'

import { jsonSize, MAX_ELEMENTS_PER_FRAME, splitIntoFrames } from './board-frames'

describe('jsonSize', () => {
  it('counts characters outside ASCII as the server does (\\uXXXX)', () => {
    expect(jsonSize({ a: 'x' })).toBe('{"a":"x"}'.length)
    expect(jsonSize('سلام')).toBe(2 + 4 * 6)
  })
})

describe('splitIntoFrames', () => {
  it('keeps a small batch in one frame', () => {
    const { frames, oversized } = splitIntoFrames([1, 2, 3])
    expect(frames).toEqual([[1, 2, 3]])
    expect(oversized).toEqual([])
  })

  it('sends at most 500 elements a frame', () => {
    const batch = Array.from({ length: 1234 }, (_, index) => ({ id: String(index) }))
    const { frames } = splitIntoFrames(batch)
    expect(frames.map((frame) => frame.length)).toEqual([MAX_ELEMENTS_PER_FRAME, MAX_ELEMENTS_PER_FRAME, 234])
    expect(frames.flat()).toEqual(batch)
  })

  it('splits by size too, and sets aside elements too big to send', () => {
    const sizes: Record<string, number> = { a: 40, b: 40, c: 200, d: 30, e: 10 }
    const { frames, oversized } = splitIntoFrames(Object.keys(sizes), {
      maxSize: 100,
      maxElementSize: 100,
      sizeOf: (key) => sizes[key]!,
    })
    expect(frames).toEqual([['a', 'b'], ['d', 'e']])
    expect(oversized).toEqual(['c'])
  })

  it('gives no frames for nothing', () => {
    expect(splitIntoFrames([])).toEqual({ frames: [], oversized: [] })
  })
})
