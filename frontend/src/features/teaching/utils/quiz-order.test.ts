import { describe, expect, it } from 'vitest'

import { applyIdOrder, stepId } from './quiz-order'

describe('question order', () => {
  it('moves an id one place up or down, not past the ends', () => {
    expect(stepId(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c'])
    expect(stepId(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b'])
    expect(stepId(['a', 'b', 'c'], 0, -1)).toBeNull()
    expect(stepId(['a', 'b', 'c'], 2, 1)).toBeNull()
  })

  it('puts items in the given order and renumbers them', () => {
    const items = [
      { id: 'a', position: 0 },
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ]
    expect(applyIdOrder(items, ['c', 'a', 'b'])).toEqual([
      { id: 'c', position: 0 },
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
    ])
  })
})
