import { CaptureUpdateAction, convertToExcalidrawElements } from '@excalidraw/excalidraw'
import type { FileId } from '@excalidraw/excalidraw/element/types'
import type { BinaryFileData, DataURL, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { notify } from '@/lib/notices'

import { blobToDataUrl, boardFileId, boardImageProblem, fitInside, imageSize } from '../utils/board-files'
import type { BoardSync } from '../utils/board-sync'
import { BOARD_TITLE_MAX_LENGTH, type RoomAction } from '../utils/protocol'
import type { BoardView } from './use-board-view'

/** How long to wait for the server to add the page before giving up. */
const PAGE_WAIT_MS = 15_000
/** Slides are placed at most this big (in canvas units); bigger pictures are scaled down to fit. */
const SLIDE_BOX = { width: 1600, height: 1200 }

interface PendingSlide {
  fileId: string
  dataURL: string
  mimeType: string
  size: { width: number; height: number }
  /** The board's pages when the new one was asked for. */
  knownIds: ReadonlySet<string>
  pageId: string | null
}

function placeSlide(api: ExcalidrawImperativeAPI, slide: PendingSlide): void {
  api.addFiles([
    {
      id: slide.fileId as FileId,
      dataURL: slide.dataURL as DataURL,
      mimeType: slide.mimeType as BinaryFileData['mimeType'],
      created: Date.now(),
    },
  ])
  const { width, height } = fitInside(slide.size, SLIDE_BOX)
  const [image] = convertToExcalidrawElements([
    { type: 'image', fileId: slide.fileId as FileId, x: 0, y: 0, width, height, locked: true, status: 'saved' },
  ])
  if (!image) return
  // Underneath whatever is drawn on the page, and locked so drawing over it does not move it.
  api.updateScene({
    elements: [image, ...api.getSceneElementsIncludingDeleted()],
    captureUpdate: CaptureUpdateAction.IMMEDIATELY,
  })
  api.scrollToContent(image, { fitToContent: true, animate: false })
}

function slideTitle(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[\s_]+/g, ' ').trim().slice(0, BOARD_TITLE_MAX_LENGTH)
}

/**
 * "Add slide page": asks the server for a new page, waits for it to arrive, opens it and puts the chosen
 * picture on it as a locked background. The picture reaches the class like any other image on the board.
 */
export function useBoardSlides({
  api,
  sync,
  loaded,
  view,
  act,
}: {
  api: ExcalidrawImperativeAPI | null
  sync: BoardSync
  /** Whether the open page has heard from the server. */
  loaded: boolean
  view: BoardView
  act: (action: RoomAction) => boolean
}) {
  const { t } = useTranslation()
  const [pending, setPending] = useState<PendingSlide | null>(null)
  const [preparing, setPreparing] = useState(false)
  const contextPages = view.groups[0]?.pages ?? []

  // The new page has arrived: open it (adjusting state while rendering, rather than in an effect).
  if (pending && !pending.pageId) {
    const added = contextPages.find((page) => !pending.knownIds.has(page.id))
    if (added) {
      setPending({ ...pending, pageId: added.id })
      view.select(added.id)
    }
  }

  const waiting = pending !== null
  useEffect(() => {
    if (!waiting) return
    const timer = setTimeout(() => {
      setPending(null)
      notify(t('whiteboard.slide.failed'), 'error')
    }, PAGE_WAIT_MS)
    return () => clearTimeout(timer)
  }, [waiting, t])

  // Once the new page is open and the server has answered for it, the picture goes on.
  const placed = useRef<PendingSlide | null>(null)
  const ready = Boolean(pending?.pageId && loaded && view.page?.id === pending.pageId && sync.openPageId === pending.pageId)
  useEffect(() => {
    if (!ready || !pending || !api) return
    if (placed.current !== pending) {
      placed.current = pending
      placeSlide(api, pending)
    }
    const done = setTimeout(() => setPending(null), 0)
    return () => clearTimeout(done)
  }, [ready, pending, api])

  const addSlide = async (file: File) => {
    const problem = boardImageProblem(file)
    if (problem) {
      notify(t(problem === 'type' ? 'whiteboard.slide.type' : 'whiteboard.slide.size'), 'error')
      return
    }
    setPreparing(true)
    try {
      const dataURL = await blobToDataUrl(file)
      const [fileId, size] = await Promise.all([boardFileId(file), imageSize(dataURL)])
      const knownIds = new Set(contextPages.map((page) => page.id))
      const title = slideTitle(file.name)
      const sent = act({
        type: 'board.page.add',
        ...(title ? { title } : {}),
        ...(view.roomId ? { room_id: view.roomId } : {}),
      })
      if (sent) setPending({ fileId, dataURL, mimeType: file.type, size, knownIds, pageId: null })
    } catch {
      notify(t('whiteboard.slide.failed'), 'error')
    } finally {
      setPreparing(false)
    }
  }

  return { busy: preparing || pending !== null, addSlide }
}
