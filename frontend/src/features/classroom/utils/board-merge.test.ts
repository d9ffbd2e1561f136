import { describe, expect, it } from 'vitest'

import {
  changedSince,
  compareOrder,
  liveCount,
  mergeElements,
  pendingAgainst,
  sceneVersion,
  wins,
  type VersionedElement,
} from './board-merge'

interface Shape extends VersionedElement {
  note?: string
}

function el(id: string, version: number, versionNonce: number, extra: Partial<Shape> = {}): Shape {
  return { id, version, versionNonce, index: `a${id}`, ...extra }
}

const ids = (elements: readonly Shape[]) => elements.map((element) => `${element.id}@${element.version}/${element.versionNonce}`)

describe('wins', () => {
  it('takes the higher version, then the lower nonce, and anything over nothing', () => {
    expect(wins(el('x', 3, 900), el('x', 2, 1))).toBe(true)
    expect(wins(el('x', 2, 1), el('x', 3, 900))).toBe(false)
    expect(wins(el('x', 3, 10), el('x', 3, 20))).toBe(true)
    expect(wins(el('x', 3, 20), el('x', 3, 10))).toBe(false)
    expect(wins(el('x', 3, 10), el('x', 3, 10))).toBe(false)
    expect(wins(el('x', 1, 5), undefined)).toBe(true)
  })

  it('compares nonces as signed numbers', () => {
    expect(wins(el('x', 4, -7), el('x', 4, 3))).toBe(true)
  })
})

describe('mergeElements', () => {
  it('adds elements it does not hold', () => {
    const { elements, accepted } = mergeElements([el('1', 1, 5)], [el('2', 1, 9)])
    expect(ids(elements)).toEqual(['1@1/5', '2@1/9'])
    expect(ids(accepted)).toEqual(['2@1/9'])
  })

  it('replaces an element with a higher version and keeps one with a lower version', () => {
    const held = [el('1', 4, 50, { note: 'held' }), el('2', 4, 50, { note: 'held' })]
    const { elements, accepted } = mergeElements(held, [el('1', 5, 99, { note: 'newer' }), el('2', 3, 1, { note: 'older' })])
    expect(elements.map((e) => e.note)).toEqual(['newer', 'held'])
    expect(ids(accepted)).toEqual(['1@5/99'])
  })

  it('breaks a tie on the version with the lower nonce', () => {
    const held = [el('1', 7, 300)]
    expect(ids(mergeElements(held, [el('1', 7, 200)]).elements)).toEqual(['1@7/200'])
    expect(mergeElements(held, [el('1', 7, 400)]).accepted).toEqual([])
    expect(ids(mergeElements(held, [el('1', 7, 400)]).elements)).toEqual(['1@7/300'])
  })

  it('keeps the held element on an exact tie', () => {
    const held = [el('1', 2, 8, { note: 'mine' })]
    const { elements, accepted } = mergeElements(held, [el('1', 2, 8, { note: 'theirs' })])
    expect(elements[0]?.note).toBe('mine')
    expect(accepted).toEqual([])
  })

  it('merges deletions like any update, and keeps deleted elements', () => {
    const held = [el('1', 3, 10), el('2', 1, 10)]
    const deleted = el('1', 4, 2, { isDeleted: true })
    const { elements, accepted } = mergeElements(held, [deleted])
    expect(elements).toContainEqual(deleted)
    expect(elements).toHaveLength(2)
    expect(accepted).toEqual([deleted])
    // An older edit arriving late does not bring the element back.
    const late = mergeElements(elements, [el('1', 3, 1)])
    expect(late.elements.find((e) => e.id === '1')?.isDeleted).toBe(true)
    expect(late.accepted).toEqual([])
    // …but a newer one does (someone undid the deletion).
    const restored = mergeElements(elements, [el('1', 5, 1, { isDeleted: false })])
    expect(restored.elements.find((e) => e.id === '1')?.isDeleted).toBe(false)
  })

  it('is idempotent: merging the same update twice changes nothing the second time', () => {
    const held = [el('1', 1, 1), el('2', 2, 2)]
    const update = [el('2', 3, 9), el('3', 1, 4)]
    const once = mergeElements(held, update)
    const twice = mergeElements(once.elements, update)
    expect(twice.elements).toEqual(once.elements)
    expect(twice.accepted).toEqual([])
  })

  it('is commutative: A then B equals B then A', () => {
    const base = [el('1', 1, 10), el('2', 1, 10), el('3', 1, 10)]
    const a = [el('1', 2, 500), el('2', 2, 100), el('4', 1, 7), el('3', 4, 1, { isDeleted: true })]
    const b = [el('1', 2, 400), el('2', 3, 900), el('4', 1, 3), el('5', 1, 1)]
    const ab = mergeElements(mergeElements(base, a).elements, b).elements
    const ba = mergeElements(mergeElements(base, b).elements, a).elements
    expect(ab).toEqual(ba)
    expect(ids(ab)).toEqual(['1@2/400', '2@3/900', '3@4/1', '4@1/3', '5@1/1'])
  })

  it('is commutative over many random updates', () => {
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    // A version and nonce name one state of an element, so its content follows from them.
    const shape = (id: string, version: number, nonce: number) =>
      el(id, version, nonce, { isDeleted: (version + nonce) % 3 === 0, note: `${id}:${version}:${nonce}` })
    const updates = Array.from({ length: 8 }, () =>
      Array.from({ length: 6 }, () => shape(String(random(5)), 1 + random(4), random(1000) - 500)),
    )
    const forward = updates.reduce<Shape[]>((held, update) => mergeElements(held, update).elements, [])
    const backward = [...updates].reverse().reduce<Shape[]>((held, update) => mergeElements(held, update).elements, [])
    const oneByOne = updates.flat().reduce<Shape[]>((held, element) => mergeElements(held, [element]).elements, [])
    expect(backward).toEqual(forward)
    expect(oneByOne).toEqual(forward)
  })

  it('takes the winner among duplicates in one batch, whatever their order', () => {
    const batch = [el('1', 2, 30), el('1', 2, 10), el('1', 1, 1)]
    expect(ids(mergeElements([], batch).elements)).toEqual(['1@2/10'])
    expect(ids(mergeElements([], [...batch].reverse()).elements)).toEqual(['1@2/10'])
    expect(mergeElements([], batch).accepted).toHaveLength(1)
  })

  it('orders by fractional index, then id, with unindexed elements last', () => {
    const { elements } = mergeElements(
      [el('z', 1, 1, { index: 'a1' }), el('b', 1, 1, { index: null })],
      [el('y', 1, 1, { index: 'a0' }), el('x', 1, 1, { index: 'a1' }), el('a', 1, 1, { index: 'Zz' }), el('c', 1, 1)],
    )
    // Plain string order: 'Z' (0x5a) sorts before 'a' (0x61), as Excalidraw's keys expect.
    expect(elements.map((e) => e.id)).toEqual(['a', 'y', 'x', 'z', 'c', 'b'])
  })

  it('does not touch elements this person is editing', () => {
    const held = [el('1', 3, 10, { note: 'typing' })]
    const { elements, accepted } = mergeElements(held, [el('1', 9, 1, { note: 'remote' }), el('2', 1, 1)], {
      keep: new Set(['1', '2']),
    })
    expect(elements.find((e) => e.id === '1')?.note).toBe('typing')
    // Kept ids protect only what is held: a new element still arrives.
    expect(ids(accepted)).toEqual(['2@1/1'])
  })

  it('does not change its inputs', () => {
    const held = Object.freeze([el('2', 1, 1), el('1', 1, 1)])
    const incoming = Object.freeze([el('1', 2, 1)])
    mergeElements(held, incoming)
    expect(ids(held)).toEqual(['2@1/1', '1@1/1'])
  })
})

describe('compareOrder', () => {
  it('puts an element level with itself', () => {
    const a = el('1', 1, 1)
    expect(compareOrder(a, a)).toBe(0)
  })
})

describe('sceneVersion', () => {
  it('sums every version, deleted elements included', () => {
    expect(sceneVersion([])).toBe(0)
    expect(sceneVersion([el('1', 3, 0), el('2', 5, 0, { isDeleted: true }), el('3', 1, 0)])).toBe(9)
  })

  it('agrees for two sides that merged the same updates in different orders', () => {
    const a = [el('1', 2, 5), el('2', 1, 1)]
    const b = [el('1', 3, 5, { isDeleted: true }), el('3', 4, 1)]
    expect(sceneVersion(mergeElements(mergeElements([], a).elements, b).elements)).toBe(
      sceneVersion(mergeElements(mergeElements([], b).elements, a).elements),
    )
  })
})

describe('changedSince', () => {
  it('gives only elements whose version grew since they were sent, and new ones', () => {
    const sent = new Map([
      ['1', 3],
      ['2', 5],
      ['3', 1],
    ])
    const elements = [el('1', 3, 9), el('2', 6, 1, { isDeleted: true }), el('3', 1, 1), el('4', 1, 1)]
    expect(ids(changedSince(elements, sent))).toEqual(['2@6/1', '4@1/1'])
  })

  it('gives nothing once everything was sent', () => {
    const elements = [el('1', 2, 1), el('2', 1, 1)]
    expect(changedSince(elements, new Map(elements.map((e) => [e.id, e.version])))).toEqual([])
  })
})

describe('pendingAgainst', () => {
  it('gives what would win over what the server holds, including a same-version edit with a lower nonce', () => {
    const server = new Map([
      ['1', { version: 3, versionNonce: 50 }],
      ['2', { version: 3, versionNonce: 50 }],
      ['3', { version: 4, versionNonce: 50 }],
    ])
    const elements = [el('1', 3, 10), el('2', 3, 60), el('3', 3, 1), el('4', 1, 1)]
    expect(ids(pendingAgainst(elements, server))).toEqual(['1@3/10', '4@1/1'])
  })
})

describe('liveCount', () => {
  it('counts elements that are not deleted', () => {
    expect(liveCount([el('1', 1, 1), el('2', 1, 1, { isDeleted: true }), el('3', 1, 1, { isDeleted: false })])).toBe(2)
  })
})
