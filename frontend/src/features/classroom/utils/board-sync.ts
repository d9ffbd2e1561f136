/**
 * Keeps this browser's whiteboard pages in step with the class, over the room's socket.
 *
 * Each page has a cache: the merge of everything this browser drew and received (`elements`), and what the
 * server is known to hold (`server`: id → version and nonce). The canvas shows one page at a time. Local
 * changes go into the cache and out in `board.update` frames: only what would win over the server's copy, at
 * most one frame every 150 ms, split to the server's limits. Remote elements are merged with the same rule
 * into the cache and onto the canvas. `board.sync` (on opening a page, every 20 s, after reconnecting)
 * compares scene versions and brings back whatever a dropped frame lost, in both directions.
 *
 * Nothing here knows Excalidraw: the canvas is reached through `BoardScene`.
 */
import { splitIntoFrames } from './board-frames'
import { liveCount, mergeElements, pendingAgainst, sceneVersion, wins, type Stamp } from './board-merge'
import type { BoardFrame, RoomAction, WireElement } from './protocol'

export const SEND_INTERVAL_MS = 150
export const SYNC_INTERVAL_MS = 20_000

/** The canvas, as the sync sees it. */
export interface BoardScene {
  /** Every element on the canvas, deleted ones included. */
  elements(): readonly WireElement[]
  /** Puts `elements` on the canvas without adding to this person's undo history. */
  replace(elements: readonly WireElement[], options: { resetHistory: boolean }): void
  /** Elements this person is in the middle of drawing or typing. */
  editing(): ReadonlySet<string>
  /** Brings `elements` into view (a page just opened). */
  reveal?(elements: readonly WireElement[]): void
}

export type BoardSyncAction = Extract<RoomAction, { type: 'board.update' | 'board.sync' }>

export interface BoardSyncOptions {
  /** Sends a frame; false when the room is not connected (it is tried again later). */
  send: (action: BoardSyncAction) => boolean
  /** Makes remote elements safe for the canvas (Excalidraw's `restoreElements`). */
  prepare?: (elements: readonly WireElement[]) => readonly WireElement[]
  /** The number of live elements on the canvas changed. */
  onCount?: (count: number) => void
  /** Whether the open page has heard from the server since it was opened. */
  onLoaded?: (loaded: boolean) => void
  /** Elements just put on the canvas from elsewhere (to fetch their images). */
  onShown?: (elements: readonly WireElement[]) => void
  /** Elements too big to send (over 64 KB each). */
  onOversized?: (elements: readonly WireElement[]) => void
  now?: () => number
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

interface PageCache {
  elements: Map<string, WireElement>
  server: Map<string, Stamp>
  loaded: boolean
}

function stampOf(element: WireElement): Stamp {
  return { version: element.version, versionNonce: element.versionNonce }
}

export class BoardSync {
  private readonly pages = new Map<string, PageCache>()
  private options: BoardSyncOptions
  private scene: BoardScene | null = null
  private pageId: string | null = null
  private canDraw = false
  private lastSceneVersion = -1
  private lastCount = -1
  private lastSentAt = Number.NEGATIVE_INFINITY
  private timer: unknown = null
  /** The open page's last `board.sync` could not be sent (the room was not connected). */
  syncPending = false
  /** The open page has not been brought into view yet (it opened empty, or its drawing is on the way). */
  private revealPending = false

  constructor(options: BoardSyncOptions) {
    this.options = options
  }

  /** Replaces some of the callbacks. */
  configure(options: Partial<BoardSyncOptions>): void {
    this.options = { ...this.options, ...options }
  }

  get openPageId(): string | null {
    return this.pageId
  }

  /** The canvas appeared (or went away, with null): it shows the open page. */
  attach(scene: BoardScene | null): void {
    this.scene = scene
    if (scene && this.pageId) this.show(this.cache(this.pageId), true)
  }

  setCanDraw(canDraw: boolean): void {
    this.canDraw = canDraw
    if (canDraw) this.scheduleFlush()
  }

  /**
   * Shows another page, and asks the server for it. What was drawn on the last one is already in its cache
   * (each change is taken in as it happens) and still goes out.
   */
  open(pageId: string | null): void {
    if (pageId === this.pageId) return
    this.pageId = pageId
    this.lastSceneVersion = -1
    this.revealPending = true
    if (!pageId) return
    const cache = this.cache(pageId)
    this.options.onLoaded?.(cache.loaded)
    if (this.scene) this.show(cache, true)
    this.sync()
    this.scheduleFlush()
  }

  /** Excalidraw's `onChange`: takes this person's drawing into the open page. */
  localChange(elements: readonly WireElement[]): void {
    if (!this.pageId) return
    const version = sceneVersion(elements)
    if (version === this.lastSceneVersion) return
    this.lastSceneVersion = version
    this.count(elements)
    if (this.capture(elements)) {
      // This person is drawing here: the view stays where they put it.
      this.revealPending = false
      this.scheduleFlush()
    }
  }

  /** A board frame from the server. */
  receive(frame: BoardFrame): void {
    const cache = this.cache(frame.page_id)
    if (frame.type === 'board.in_sync') {
      this.markLoaded(frame.page_id, cache)
      return
    }
    const accepted = this.mergeIntoCache(cache, frame.elements)
    if (frame.type === 'board.scene') {
      // The server's whole page: exactly what it holds. Anything drawn here that it lacks goes out again.
      cache.server = new Map(frame.elements.map((element) => [element.id, stampOf(element)]))
      this.markLoaded(frame.page_id, cache)
      this.scheduleFlush()
    } else {
      for (const element of frame.elements) {
        const known = cache.server.get(element.id)
        if (wins(element, known)) cache.server.set(element.id, stampOf(element))
      }
    }
    if (frame.page_id === this.pageId) this.showRemote(accepted)
  }

  /** `board.sync` for the open page. */
  sync(): void {
    if (!this.pageId) return
    const cache = this.cache(this.pageId)
    const scene_version = sceneVersion(cache.elements.values())
    this.syncPending = !this.options.send({ type: 'board.sync', page_id: this.pageId, scene_version })
  }

  /** Sends what is waiting (after reconnecting, for example). */
  resume(): void {
    this.scheduleFlush()
  }

  /** Every live element of a page this browser holds, in drawing order; null when it has never been opened. */
  liveElements(pageId: string): WireElement[] | null {
    const cache = this.pages.get(pageId)
    if (!cache?.loaded) return null
    const elements = pageId === this.pageId && this.scene ? this.scene.elements() : [...cache.elements.values()]
    return mergeElements<WireElement>([], elements).elements.filter((element) => !element.isDeleted)
  }

  dispose(): void {
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>)
    this.timer = null
    this.scene = null
  }

  // --- Inside ---------------------------------------------------------------------------------------------

  private cache(pageId: string): PageCache {
    let cache = this.pages.get(pageId)
    if (!cache) {
      cache = { elements: new Map(), server: new Map(), loaded: false }
      this.pages.set(pageId, cache)
    }
    return cache
  }

  private markLoaded(pageId: string, cache: PageCache): void {
    if (cache.loaded) return
    cache.loaded = true
    if (pageId === this.pageId) this.options.onLoaded?.(true)
  }

  private mergeIntoCache(cache: PageCache, incoming: readonly WireElement[]): WireElement[] {
    const accepted: WireElement[] = []
    for (const element of incoming) {
      if (!wins(element, cache.elements.get(element.id))) continue
      cache.elements.set(element.id, element)
      accepted.push(element)
    }
    return accepted
  }

  /** Takes the canvas's changed elements into the open page's cache; true when there is something to send. */
  private capture(elements: readonly WireElement[]): boolean {
    // Someone who may not draw changes nothing the class should hear (Excalidraw may still renumber).
    if (!this.pageId || !this.canDraw) return false
    const cache = this.cache(this.pageId)
    return this.mergeIntoCache(cache, elements).length > 0
  }

  private show(cache: PageCache, resetHistory: boolean): void {
    if (!this.scene) return
    const prepare = this.options.prepare ?? ((elements) => elements)
    const elements = prepare(mergeElements<WireElement>([], [...cache.elements.values()]).elements)
    this.scene.replace(elements, { resetHistory })
    this.count(elements)
    this.maybeReveal(elements)
    this.options.onShown?.(elements)
  }

  private showRemote(accepted: readonly WireElement[]): void {
    if (!this.scene || accepted.length === 0) return
    const prepare = this.options.prepare ?? ((elements) => elements)
    const { elements, accepted: shown } = mergeElements<WireElement>(
      this.scene.elements(),
      prepare([...accepted].sort((a, b) => (a.index ?? '') < (b.index ?? '') ? -1 : 1)),
      { keep: this.scene.editing() },
    )
    if (shown.length === 0) return
    this.scene.replace(elements, { resetHistory: false })
    this.count(elements)
    this.maybeReveal(elements)
    this.options.onShown?.(shown)
  }

  private maybeReveal(elements: readonly WireElement[]): void {
    if (!this.revealPending || !this.scene) return
    const live = elements.filter((element) => !element.isDeleted)
    if (live.length === 0) return
    this.revealPending = false
    this.scene.reveal?.(live)
  }

  private count(elements: readonly WireElement[]): void {
    const count = liveCount(elements)
    if (count === this.lastCount) return
    this.lastCount = count
    this.options.onCount?.(count)
  }

  private scheduleFlush(): void {
    if (this.timer !== null) return
    const now = (this.options.now ?? Date.now)()
    const wait = Math.max(0, this.lastSentAt + SEND_INTERVAL_MS - now)
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null
      this.flush()
    }, wait)
  }

  /** Sends one frame of waiting changes (the open page's first), and comes back for the rest. */
  private flush(): void {
    const order = [...this.pages.keys()].sort((a, b) => Number(b === this.pageId) - Number(a === this.pageId))
    for (const pageId of order) {
      const cache = this.cache(pageId)
      if (pageId === this.pageId && !this.canDraw) continue
      const pending = pendingAgainst(cache.elements.values(), cache.server)
      if (pending.length === 0) continue
      const { frames, oversized } = splitIntoFrames(pending)
      if (oversized.length > 0) {
        // The server would refuse them every time: count them as sent, and say so once.
        for (const element of oversized) cache.server.set(element.id, stampOf(element))
        this.options.onOversized?.(oversized)
      }
      const frame = frames[0]
      if (!frame) continue
      if (!this.options.send({ type: 'board.update', page_id: pageId, elements: frame })) return
      for (const element of frame) cache.server.set(element.id, stampOf(element))
      this.lastSentAt = (this.options.now ?? Date.now)()
      this.scheduleFlush()
      return
    }
  }
}
