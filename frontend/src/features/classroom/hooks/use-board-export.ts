import { exportToBlob as untypedExportToBlob } from '@excalidraw/excalidraw'
import type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types'
import type { AppState, BinaryFileData, BinaryFiles, DataURL, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'
import { saveBlob } from '@/lib/save-blob'

import { downloadName, exportBoardPdf, getBoardFile, getBoardPage } from '../utils/board-api'
import { blobToDataUrl } from '../utils/board-files'
import type { BoardSync } from '../utils/board-sync'
import type { BoardPage, WireElement } from '../utils/protocol'

type ExportToBlob = (options: {
  elements: readonly ExcalidrawElement[]
  appState?: Partial<AppState>
  files: BinaryFiles | null
  mimeType?: string
  exportPadding?: number
  maxWidthOrHeight?: number
}) => Promise<Blob>

// The package's type declarations point this export at a module they do not ship, so it is typed here.
const exportToBlob = untypedExportToBlob as unknown as ExportToBlob

export type ExportProgress = { step: 'pages'; done: number; total: number } | { step: 'binding' }

/** Large enough to read on a projector, small enough for the server's 8 MB a page. */
const MAX_SIDE = 2400

function pagePng(elements: readonly WireElement[], files: BinaryFiles): Promise<Blob> {
  return exportToBlob({
    elements: elements as unknown as readonly ExcalidrawElement[],
    files,
    mimeType: 'image/png',
    exportPadding: 24,
    maxWidthOrHeight: MAX_SIDE,
    appState: { exportBackground: true, viewBackgroundColor: '#ffffff', exportWithDarkMode: false },
  })
}

/** Adds to `files` the pictures of `elements` that this browser has not loaded. */
async function withPictures(sessionId: string, elements: readonly WireElement[], files: BinaryFiles): Promise<void> {
  for (const element of elements) {
    const fileId = element.type === 'image' ? element.fileId : null
    if (typeof fileId !== 'string' || files[fileId]) continue
    try {
      const blob = await getBoardFile(sessionId, fileId)
      files[fileId] = {
        id: fileId as BinaryFileData['id'],
        dataURL: (await blobToDataUrl(blob)) as DataURL,
        mimeType: (blob.type || 'image/png') as BinaryFileData['mimeType'],
        created: Date.now(),
      }
    } catch {
      // Drawn without the picture rather than not at all.
    }
  }
}

/**
 * The tutor's exports: the open page as a PNG (drawn here), and every page of the main board bound into a
 * PDF by the server, downloaded or kept in the course's resources.
 */
export function useBoardExport({
  sessionId,
  sessionTitle,
  api,
  sync,
  pages,
}: {
  sessionId: string
  sessionTitle: string
  api: ExcalidrawImperativeAPI | null
  sync: BoardSync
  /** The main board's pages, in order. */
  pages: readonly BoardPage[]
}) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const busy = useRef(false)

  const downloadPng = async (page: BoardPage | null) => {
    if (!api || busy.current) return
    const elements = api.getSceneElements() as unknown as readonly WireElement[]
    if (elements.length === 0) {
      notify(t('whiteboard.export.empty'), 'info')
      return
    }
    busy.current = true
    try {
      const blob = await pagePng(elements, api.getFiles())
      saveBlob(blob, downloadName(`${sessionTitle} ${page?.title ?? ''}`, 'png'))
      notify(t('whiteboard.export.pngReady'))
    } catch {
      notify(t('whiteboard.export.failed'), 'error')
    } finally {
      busy.current = false
    }
  }

  const exportPdf = async ({ save }: { save: boolean }) => {
    if (!api || busy.current || pages.length === 0) return
    busy.current = true
    const title = t('whiteboard.export.title', { title: sessionTitle })
    const files: BinaryFiles = { ...api.getFiles() }
    const pngs: Blob[] = []
    try {
      for (const [index, page] of pages.entries()) {
        setProgress({ step: 'pages', done: index + 1, total: pages.length })
        const elements = sync.liveElements(page.id) ?? (await getBoardPage(sessionId, page.id)).elements
        const live = elements.filter((element) => !element.isDeleted)
        if (live.length === 0) continue
        await withPictures(sessionId, live, files)
        pngs.push(await pagePng(live, files))
      }
      if (pngs.length === 0) {
        notify(t('whiteboard.export.empty'), 'info')
        return
      }
      setProgress({ step: 'binding' })
      const result = await exportBoardPdf(sessionId, pngs, { save, title })
      if (result.kind === 'pdf') {
        saveBlob(result.pdf, downloadName(title, 'pdf'))
        notify(t('whiteboard.export.pdfReady'))
      } else {
        notify(t('whiteboard.export.saved', { title: result.resource.title }))
      }
    } catch (error) {
      const noCourse = isApiError(error) && error.code === 'no_course'
      notify(t(noCourse ? 'whiteboard.export.noCourse' : 'whiteboard.export.failed'), 'error')
    } finally {
      busy.current = false
      setProgress(null)
    }
  }

  return { progress, downloadPng, exportPdf }
}
