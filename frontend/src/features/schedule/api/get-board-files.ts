import type { BinaryFiles } from '@excalidraw/excalidraw/types'
import { useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { boardFileData } from '../utils/board-picture'
import { scheduleKeys } from './keys'

/** `GET /sessions/{id}/board/files/{file_id}`: the bytes of a picture placed on the board. */
export function getBoardFile(id: string, fileId: string, signal?: AbortSignal): Promise<Blob> {
  return unwrap(
    apiClient.GET('/api/v1/sessions/{id}/board/files/{file_id}', {
      params: { path: { id, file_id: fileId } },
      parseAs: 'blob',
      signal,
    }),
  )
}

export interface BoardFiles {
  /** By file id, as Excalidraw takes them. */
  files: BinaryFiles
  /** Pictures that could not be fetched: the page is drawn without them. */
  missing: string[]
}

/** A page's pictures, as `data:` URLs. One that fails leaves a gap rather than no page at all. */
export async function getBoardFiles(id: string, fileIds: readonly string[], signal?: AbortSignal): Promise<BoardFiles> {
  const files: BinaryFiles = {}
  const missing: string[] = []
  await Promise.all(
    fileIds.map(async (fileId) => {
      try {
        files[fileId] = await boardFileData(fileId, await getBoardFile(id, fileId, signal))
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error
        missing.push(fileId)
      }
    }),
  )
  return { files, missing: missing.sort() }
}

export function useBoardFiles(id: string, fileIds: readonly string[], enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys.boardFiles(id, fileIds),
    queryFn: ({ signal }) => getBoardFiles(id, fileIds, signal),
    enabled,
    // A picture never changes under its id.
    staleTime: Infinity,
  })
}
