import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { scheduleKeys } from './keys'
import type { BoardScene } from './types'

/** `GET /sessions/{id}/board/pages/{page_id}`: a board page's live elements, in drawing order. */
export function getBoardPage(id: string, pageId: string, signal?: AbortSignal): Promise<BoardScene> {
  return unwrap(
    apiClient.GET('/api/v1/sessions/{id}/board/pages/{page_id}', { params: { path: { id, page_id: pageId } }, signal }),
  )
}

export const boardPageQueryOptions = (id: string, pageId: string) =>
  queryOptions({
    queryKey: scheduleKeys.boardPage(id, pageId),
    queryFn: ({ signal }) => getBoardPage(id, pageId, signal),
  })

export function useBoardPage(id: string, pageId: string) {
  return useQuery(boardPageQueryOptions(id, pageId))
}
