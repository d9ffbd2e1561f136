import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { buildElement } from '@/testing/whiteboard-factories'

import { mergeElements } from './board-merge'
import { BoardSync, SEND_INTERVAL_MS, type BoardScene, type BoardSyncAction } from './board-sync'
import type { WireElement } from './protocol'

/** A canvas that holds its elements like Excalidraw does, and records how they were put there. */
class FakeScene implements BoardScene {
  current: WireElement[] = []
  replaced: { elements: WireElement[]; resetHistory: boolean }[] = []
  editingIds = new Set<string>()
  revealed: string[][] = []

  elements() {
    return this.current
  }

  replace(elements: readonly WireElement[], { resetHistory }: { resetHistory: boolean }) {
    this.current = [...elements]
    this.replaced.push({ elements: [...elements], resetHistory })
  }

  editing() {
    return this.editingIds
  }

  reveal(elements: readonly WireElement[]) {
    this.revealed.push(elements.map((element) => element.id))
  }

  /** This person draws: the canvas changes and Excalidraw calls `onChange`. */
  draw(sync: BoardSync, ...changes: WireElement[]) {
    this.current = mergeElements(this.current, changes).elements
    sync.localChange(this.current)
  }
}

function setup({ canDraw = true, online = true } = {}) {
  const sent: BoardSyncAction[] = []
  const counts: number[] = []
  const loaded: boolean[] = []
  const shown: WireElement[][] = []
  const connection = { online }
  const sync = new BoardSync({
    send: (action) => {
      if (!connection.online) return false
      sent.push(action)
      return true
    },
    onCount: (count) => counts.push(count),
    onLoaded: (value) => loaded.push(value),
    onShown: (elements) => shown.push([...elements]),
  })
  const scene = new FakeScene()
  sync.attach(scene)
  sync.setCanDraw(canDraw)
  return { sync, scene, sent, counts, loaded, shown, connection }
}

const updates = (sent: BoardSyncAction[]) =>
  sent.filter((action): action is Extract<BoardSyncAction, { type: 'board.update' }> => action.type === 'board.update')

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('BoardSync', () => {
  it('asks for a page on opening it, and shows the scene the server sends', () => {
    const { sync, scene, sent, counts, loaded } = setup()
    sync.open('p1')
    expect(sent).toEqual([{ type: 'board.sync', page_id: 'p1', scene_version: 0 }])
    expect(loaded).toEqual([false])

    const a = buildElement({ version: 3 })
    const gone = buildElement({ version: 2, isDeleted: true })
    sync.receive({ type: 'board.scene', page_id: 'p1', scene_version: 5, elements: [a, gone] })
    expect(scene.current).toEqual([a, gone])
    expect(counts.at(-1)).toBe(1)
    expect(loaded.at(-1)).toBe(true)
    // Remote elements never enter this person's undo history, and are not sent back.
    expect(scene.replaced.at(-1)?.resetHistory).toBe(false)
    vi.advanceTimersByTime(1000)
    expect(updates(sent)).toEqual([])

    // The next sync carries the sum of versions, deleted elements included.
    sync.sync()
    expect(sent.at(-1)).toEqual({ type: 'board.sync', page_id: 'p1', scene_version: 5 })
  })

  it('marks a page loaded when the server says it is in sync', () => {
    const { sync, loaded } = setup()
    sync.open('p1')
    sync.receive({ type: 'board.in_sync', page_id: 'p1', scene_version: 0 })
    expect(loaded).toEqual([false, true])
  })

  it('sends only the elements whose version grew, at most one frame every 150 ms', () => {
    const { sync, scene, sent } = setup()
    sync.open('p1')
    const rect = buildElement()
    scene.draw(sync, rect)
    expect(updates(sent)).toEqual([])
    vi.advanceTimersByTime(0)
    expect(updates(sent)).toEqual([{ type: 'board.update', page_id: 'p1', elements: [rect] }])

    // Nothing changed (a scroll, a selection): nothing to send.
    sync.localChange(scene.current)
    vi.advanceTimersByTime(1000)
    expect(updates(sent)).toHaveLength(1)

    const moved = { ...rect, x: 300, version: 2, versionNonce: 7 }
    const other = buildElement()
    // Changes made together go out together.
    scene.draw(sync, moved)
    scene.draw(sync, other)
    vi.advanceTimersByTime(0)
    expect(updates(sent)).toHaveLength(2)
    const burst = updates(sent)[1]!
    expect(burst.elements.map((e) => e.id).sort()).toEqual([rect.id, other.id].sort())

    const third = { ...other, version: 2, versionNonce: 1 }
    scene.draw(sync, third)
    vi.advanceTimersByTime(SEND_INTERVAL_MS - 1)
    expect(updates(sent)).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(updates(sent)[2]?.elements).toEqual([third])
  })

  it('splits a big batch into frames of at most 500, 150 ms apart', () => {
    const { sync, scene, sent } = setup()
    sync.open('p1')
    scene.draw(sync, ...Array.from({ length: 1200 }, () => buildElement()))
    vi.advanceTimersByTime(0)
    expect(updates(sent).map((frame) => frame.elements.length)).toEqual([500])
    vi.advanceTimersByTime(SEND_INTERVAL_MS)
    expect(updates(sent).map((frame) => frame.elements.length)).toEqual([500, 500])
    vi.advanceTimersByTime(SEND_INTERVAL_MS)
    expect(updates(sent).map((frame) => frame.elements.length)).toEqual([500, 500, 200])
    const ids = new Set(updates(sent).flatMap((frame) => frame.elements.map((e) => e.id)))
    expect(ids.size).toBe(1200)
  })

  it('sends nothing from someone who may not draw', () => {
    const { sync, scene, sent } = setup({ canDraw: false })
    sync.open('p1')
    scene.draw(sync, buildElement())
    vi.advanceTimersByTime(1000)
    expect(updates(sent)).toEqual([])
  })

  it('merges remote strokes onto the canvas by version, without echoing them', () => {
    const { sync, scene, sent, shown } = setup()
    sync.open('p1')
    const mine = buildElement({ version: 4, versionNonce: 50 })
    scene.draw(sync, mine)
    vi.advanceTimersByTime(0)

    const theirs = buildElement()
    const olderEdit = { ...mine, x: 999, version: 3 }
    sync.receive({ type: 'board.update', page_id: 'p1', elements: [theirs, olderEdit], user_id: 'u2' })
    expect(scene.current.map((e) => e.id)).toEqual([mine.id, theirs.id])
    expect(scene.current.find((e) => e.id === mine.id)?.x).toBe(mine.x)
    expect(shown.at(-1)).toEqual([theirs])

    // Excalidraw reports the merged scene as a change: nothing of it goes back out.
    sync.localChange(scene.current)
    vi.advanceTimersByTime(1000)
    expect(updates(sent)).toHaveLength(1)

    const newer = { ...mine, x: 5, version: 5, versionNonce: 1 }
    sync.receive({ type: 'board.update', page_id: 'p1', elements: [newer], user_id: 'u2' })
    expect(scene.current.find((e) => e.id === mine.id)?.x).toBe(5)
  })

  it('leaves alone an element this person is in the middle of editing', () => {
    const { sync, scene } = setup()
    sync.open('p1')
    const text = buildElement({ type: 'text', version: 2 })
    scene.draw(sync, text)
    scene.editingIds.add(text.id)
    sync.receive({ type: 'board.update', page_id: 'p1', elements: [{ ...text, version: 3, x: 1 }], user_id: 'u2' })
    expect(scene.current[0]?.x).toBe(text.x)
  })

  it('heals both ways from a full scene: adds what it lacks and sends what the server lacks', () => {
    const { sync, scene, sent } = setup()
    sync.open('p1')
    const lost = buildElement()
    scene.draw(sync, lost)
    vi.advanceTimersByTime(0)
    expect(updates(sent)).toHaveLength(1)

    // That frame never reached the server; meanwhile someone else drew.
    const theirs = buildElement()
    sync.receive({ type: 'board.scene', page_id: 'p1', scene_version: 1, elements: [theirs] })
    expect(scene.current.map((e) => e.id).sort()).toEqual([lost.id, theirs.id].sort())
    vi.advanceTimersByTime(SEND_INTERVAL_MS)
    expect(updates(sent)).toHaveLength(2)
    expect(updates(sent)[1]?.elements).toEqual([lost])
  })

  it('sends a same-version edit that wins on the nonce', () => {
    const { sync, scene, sent } = setup()
    sync.open('p1')
    const held = buildElement({ version: 2, versionNonce: 500 })
    sync.receive({ type: 'board.scene', page_id: 'p1', scene_version: 2, elements: [held] })
    const mine = { ...held, x: 1, versionNonce: 100 }
    scene.draw(sync, mine)
    vi.advanceTimersByTime(0)
    expect(updates(sent).at(-1)?.elements).toEqual([mine])
  })

  it('keeps strokes while offline and sends them when the room is back', () => {
    const { sync, scene, sent, connection } = setup({ online: false })
    sync.open('p1')
    expect(sync.syncPending).toBe(true)
    const rect = buildElement()
    scene.draw(sync, rect)
    vi.advanceTimersByTime(1000)
    expect(sent).toEqual([])

    connection.online = true
    sync.sync()
    sync.resume()
    vi.advanceTimersByTime(0)
    expect(sent[0]).toEqual({ type: 'board.sync', page_id: 'p1', scene_version: 1 })
    expect(updates(sent)).toEqual([{ type: 'board.update', page_id: 'p1', elements: [rect] }])
    expect(sync.syncPending).toBe(false)
  })

  it("keeps each page's drawing apart, and what arrives for a page not on the canvas", () => {
    const { sync, scene, sent } = setup()
    sync.open('p1')
    const one = buildElement()
    scene.draw(sync, one)
    const elsewhere = buildElement({ version: 2 })
    sync.receive({ type: 'board.update', page_id: 'p2', elements: [elsewhere], user_id: 'u2' })
    expect(scene.current).toEqual([one])

    // Switching pages sends what was drawn on the first page, and asks for the second.
    sync.open('p2')
    expect(scene.current).toEqual([elsewhere])
    expect(scene.replaced.at(-1)?.resetHistory).toBe(true)
    expect(sent.at(-1)).toEqual({ type: 'board.sync', page_id: 'p2', scene_version: 2 })
    vi.advanceTimersByTime(0)
    expect(updates(sent)).toEqual([{ type: 'board.update', page_id: 'p1', elements: [one] }])

    sync.open('p1')
    expect(scene.current).toEqual([one])
  })

  it('gives the live elements of the pages it holds, for export', () => {
    const { sync, scene } = setup()
    sync.open('p1')
    expect(sync.liveElements('p1')).toBeNull()
    const keep = buildElement()
    const gone = buildElement({ isDeleted: true })
    sync.receive({ type: 'board.scene', page_id: 'p1', scene_version: 2, elements: [keep, gone] })
    expect(sync.liveElements('p1')).toEqual([keep])
    const drawn = buildElement()
    scene.draw(sync, drawn)
    expect(sync.liveElements('p1')).toEqual([keep, drawn])
    expect(sync.liveElements('p9')).toBeNull()
  })

  it('brings a page into view once, when its drawing first shows', () => {
    const { sync, scene } = setup()
    sync.open('p1')
    expect(scene.revealed).toEqual([])
    const a = buildElement()
    sync.receive({ type: 'board.scene', page_id: 'p1', scene_version: 1, elements: [a, buildElement({ isDeleted: true })] })
    expect(scene.revealed).toEqual([[a.id]])
    sync.receive({ type: 'board.update', page_id: 'p1', elements: [buildElement()], user_id: 'u2' })
    expect(scene.revealed).toHaveLength(1)

    // Someone who starts drawing on an empty page keeps their view.
    sync.open('p2')
    scene.draw(sync, buildElement())
    sync.receive({ type: 'board.update', page_id: 'p2', elements: [buildElement()], user_id: 'u2' })
    expect(scene.revealed).toHaveLength(1)

    // Back on the first page: it opens in view.
    sync.open('p1')
    expect(scene.revealed).toHaveLength(2)
  })

  it('shows the open page once the canvas appears', () => {
    const sent: BoardSyncAction[] = []
    const sync = new BoardSync({ send: (action) => (sent.push(action), true) })
    sync.open('p1')
    const a = buildElement()
    sync.receive({ type: 'board.scene', page_id: 'p1', scene_version: 1, elements: [a] })
    const scene = new FakeScene()
    sync.attach(scene)
    expect(scene.current).toEqual([a])
  })
})
