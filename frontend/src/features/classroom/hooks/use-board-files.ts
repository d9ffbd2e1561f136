import type { BinaryFileData, BinaryFiles, DataURL, ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'

import { getBoardFile, uploadBoardFile } from '../utils/board-api'
import { blobToDataUrl, dataUrlToBlob, isBoardFileId } from '../utils/board-files'
import type { WireElement } from '../utils/protocol'

/** A file another browser placed may not be uploaded yet: ask again a few times, further apart each time. */
const FETCH_RETRIES_MS = [1500, 3000, 6000, 12000, 24000]
/** After a failed upload (the network, not a refusal), wait before trying that file again. */
const UPLOAD_RETRY_MS = 10_000

function fileIdOf(element: WireElement): string | null {
  if (element.type !== 'image' || element.isDeleted) return null
  const fileId = element.fileId
  return typeof fileId === 'string' && isBoardFileId(fileId) ? fileId : null
}

/**
 * Images on the board. Each image this person places is uploaded once (Excalidraw gives it in `onChange`);
 * each image element that arrives without its picture has the picture fetched and handed to the canvas.
 */
export function useBoardFiles({
  sessionId,
  api,
  canUpload,
}: {
  sessionId: string
  api: ExcalidrawImperativeAPI | null
  canUpload: boolean
}) {
  const { t } = useTranslation()
  // Files the server is known to have: uploaded from here, or fetched from it.
  const stored = useRef(new Set<string>())
  const busy = useRef(new Set<string>())
  const retryAt = useRef(new Map<string, number>())
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())
  const disposed = useRef(false)

  useEffect(() => {
    disposed.current = false
    const pending = timers.current
    return () => {
      disposed.current = true
      for (const timer of pending) clearTimeout(timer)
      pending.clear()
    }
  }, [])

  const upload = (file: BinaryFileData) => {
    const id = file.id
    busy.current.add(id)
    let blob: Blob
    try {
      blob = dataUrlToBlob(file.dataURL)
    } catch {
      busy.current.delete(id)
      stored.current.add(id)
      return
    }
    uploadBoardFile(sessionId, id, blob)
      .then(() => stored.current.add(id))
      .catch((error: unknown) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) {
          // Refused (not an image we take, too big): trying again would not help.
          stored.current.add(id)
          notify(t('whiteboard.images.uploadFailed', { reason: error.message }), 'error')
        } else {
          retryAt.current.set(id, Date.now() + UPLOAD_RETRY_MS)
        }
      })
      .finally(() => busy.current.delete(id))
  }

  /** Excalidraw's `onChange` files: uploads the ones placed here and not stored yet. */
  const onFiles = (files: BinaryFiles) => {
    if (!canUpload) return
    const now = Date.now()
    for (const file of Object.values(files)) {
      const id = file.id
      if (stored.current.has(id) || busy.current.has(id) || !isBoardFileId(id)) continue
      if ((retryAt.current.get(id) ?? 0) > now) continue
      upload(file)
    }
  }

  const fetchFile = (fileId: string, attempt: number) => {
    if (!api || disposed.current) return
    busy.current.add(fileId)
    getBoardFile(sessionId, fileId)
      .then(async (blob) => {
        const dataURL = (await blobToDataUrl(blob)) as DataURL
        stored.current.add(fileId)
        if (disposed.current) return
        api.addFiles([
          {
            id: fileId as BinaryFileData['id'],
            dataURL,
            mimeType: (blob.type || 'image/png') as BinaryFileData['mimeType'],
            created: Date.now(),
          },
        ])
      })
      .catch(() => {
        const wait = FETCH_RETRIES_MS[attempt]
        if (wait === undefined || disposed.current) return
        const timer = setTimeout(() => {
          timers.current.delete(timer)
          fetchFile(fileId, attempt + 1)
        }, wait)
        timers.current.add(timer)
      })
      .finally(() => busy.current.delete(fileId))
  }

  /** Fetches the pictures of image elements the canvas does not have yet. */
  const fetchMissing = (elements: readonly WireElement[]) => {
    if (!api) return
    const have = api.getFiles()
    for (const element of elements) {
      const fileId = fileIdOf(element)
      if (!fileId || have[fileId] || busy.current.has(fileId)) continue
      fetchFile(fileId, 0)
    }
  }

  return { onFiles, fetchMissing }
}
