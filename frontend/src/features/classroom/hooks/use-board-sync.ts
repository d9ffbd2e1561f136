import { CaptureUpdateAction, restoreElements } from '@excalidraw/excalidraw'
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types'
import type { AppState, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { useEffect, useRef, useState } from 'react'

import { BoardSync, SYNC_INTERVAL_MS, type BoardScene, type BoardSyncAction } from '../utils/board-sync'
import type { WireElement } from '../utils/protocol'
import { useBoardFrames } from './use-board-channel'

/** The elements this person is drawing or typing right now, which remote changes must not yank away. */
function editingIds(appState: AppState): Set<string> {
  const ids = new Set<string>()
  for (const element of [appState.newElement, appState.resizingElement, appState.multiElement, appState.editingTextElement]) {
    if (element) ids.add(element.id)
  }
  if (appState.editingLinearElement) ids.add(appState.editingLinearElement.elementId)
  return ids
}

/** Excalidraw's canvas as the sync sees it. */
export function excalidrawScene(api: ExcalidrawImperativeAPI): BoardScene {
  return {
    elements: () => api.getSceneElementsIncludingDeleted(),
    replace: (elements, { resetHistory }) => {
      api.updateScene({
        elements: elements as unknown as readonly ExcalidrawElement[],
        // Remote strokes never enter this person's undo history.
        captureUpdate: CaptureUpdateAction.NEVER,
      })
      // Typed through a private member of Excalidraw's App, so the declarations lose it.
      const clearHistory = api.history.clear as unknown as () => void
      if (resetHistory) clearHistory()
    },
    editing: () => editingIds(api.getAppState()),
    // Fits the page on screen (never enlarging a small drawing beyond its real size).
    reveal: (elements) =>
      api.scrollToContent(elements as unknown as readonly ExcalidrawElement[], { fitToContent: true, maxZoom: 1, animate: false }),
  }
}

/** Excalidraw's own repair of elements from elsewhere (missing fields, old formats). */
function prepare(elements: readonly WireElement[]): readonly WireElement[] {
  return restoreElements(elements as unknown as readonly ExcalidrawElement[], null)
}

/**
 * The whiteboard's link to the class: one `BoardSync` for the visit, fed by the room's board frames and the
 * canvas's changes, syncing the open page now, every 20 seconds and whenever the room reconnects.
 */
export function useBoardSync({
  sessionId,
  api,
  pageId,
  canDraw,
  live,
  send,
  onShown,
  onOversized,
}: {
  sessionId: string
  api: ExcalidrawImperativeAPI | null
  pageId: string | null
  canDraw: boolean
  /** Whether the room's socket is connected. */
  live: boolean
  send: (action: BoardSyncAction) => boolean
  onShown?: (elements: readonly WireElement[]) => void
  onOversized?: () => void
}) {
  const [count, setCount] = useState(0)
  const [loaded, setLoaded] = useState(false)
  const [sync] = useState(() => new BoardSync({ send: () => false, prepare, onCount: setCount, onLoaded: setLoaded }))
  // The engine outlives renders: it calls the latest callbacks (set before any effect below sends).
  useEffect(() => {
    sync.configure({ send, onShown, onOversized })
  })

  useEffect(() => () => sync.dispose(), [sync])

  useEffect(() => {
    sync.attach(api ? excalidrawScene(api) : null)
  }, [sync, api])

  useEffect(() => {
    sync.setCanDraw(canDraw)
  }, [sync, canDraw])

  // Opening a page asks the server for it.
  useEffect(() => {
    sync.open(pageId)
  }, [sync, pageId])

  const wasOffline = useRef(false)
  useEffect(() => {
    if (!live) {
      wasOffline.current = true
      return
    }
    // Back after a drop: ask again for the open page, and send what waited.
    if (wasOffline.current || sync.syncPending) sync.sync()
    wasOffline.current = false
    sync.resume()
    const timer = setInterval(() => sync.sync(), SYNC_INTERVAL_MS)
    return () => clearInterval(timer)
  }, [sync, live])

  useBoardFrames(sessionId, (frame) => sync.receive(frame))

  return {
    sync,
    elementCount: count,
    loaded,
    onChange: (elements: readonly ExcalidrawElement[]) => sync.localChange(elements),
  }
}
