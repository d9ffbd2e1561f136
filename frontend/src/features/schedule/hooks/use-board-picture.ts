import type { BinaryFiles } from '@excalidraw/excalidraw/types'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import { useBoardFiles } from '../api/get-board-files'
import { useBoardPage } from '../api/get-board-page'
import { scheduleKeys } from '../api/keys'
import type { BoardElement } from '../api/types'
import { boardPagePng, drawBoardPage, downloadName, imageFileIds, pageTexts, type BoardPicture } from '../utils/board-picture'
import { saveBlob } from '@/lib/save-blob'

const NO_ELEMENTS: readonly BoardElement[] = []
const NO_FILES: BinaryFiles = {}
const NONE: readonly string[] = []

export type BoardPictureState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'empty' }
  | {
      status: 'ready'
      picture: BoardPicture
      elements: readonly BoardElement[]
      files: BinaryFiles
      /** Pictures on the page that could not be fetched, and a way to try them again. */
      missing: readonly string[]
      retryMissing: () => void
      texts: string[]
    }

/**
 * One board page drawn read-only: its elements, then the pictures placed on it, then the drawing itself
 * (Excalidraw loads for that step only).
 */
export function useBoardPicture(sessionId: string, pageId: string): BoardPictureState {
  const scene = useBoardPage(sessionId, pageId)
  const elements = scene.data?.elements ?? NO_ELEMENTS
  const fileIds = useMemo(() => imageFileIds(elements), [elements])
  const files = useBoardFiles(sessionId, fileIds, scene.isSuccess && fileIds.length > 0)
  const filesReady = fileIds.length === 0 || files.isSuccess
  const loaded = fileIds.length === 0 ? NO_FILES : (files.data?.files ?? NO_FILES)
  const missing = fileIds.length === 0 ? NONE : (files.data?.missing ?? NONE)
  const picture = useQuery({
    queryKey: scheduleKeys.boardPicture(sessionId, pageId, scene.data?.scene_version ?? 0, missing),
    queryFn: () => drawBoardPage(elements, loaded),
    enabled: scene.isSuccess && filesReady && elements.length > 0,
    staleTime: Infinity,
  })
  const texts = useMemo(() => pageTexts(elements), [elements])

  if (scene.isError) return { status: 'error', error: scene.error, retry: () => void scene.refetch() }
  if (files.isError) return { status: 'error', error: files.error, retry: () => void files.refetch() }
  if (scene.isSuccess && elements.length === 0) return { status: 'empty' }
  if (picture.isError) return { status: 'error', error: picture.error, retry: () => void picture.refetch() }
  if (!picture.isSuccess) return { status: 'loading' }
  return {
    status: 'ready',
    picture: picture.data,
    elements,
    files: loaded,
    missing,
    retryMissing: () => void files.refetch(),
    texts,
  }
}

/** Draws a page as a PNG (at most 2,400 pixels a side) and hands it to the browser as a download. */
export function useBoardPng() {
  return useMutation({
    mutationFn: ({ elements, files }: { elements: readonly BoardElement[]; files: BinaryFiles; name: string }) =>
      boardPagePng(elements, files),
    onSuccess: (blob, { name }) => saveBlob(blob, downloadName(name, 'png')),
  })
}
