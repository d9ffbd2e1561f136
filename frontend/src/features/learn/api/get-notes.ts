import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { Note } from '@/api/types'
import { unwrap } from '@/lib/errors'

export const notesKey = (lessonId: string) => ['lessons', lessonId, 'notes'] as const

function byTimestamp(a: Note, b: Note): number {
  return (a.timestamp_seconds ?? -1) - (b.timestamp_seconds ?? -1) || a.created_at.localeCompare(b.created_at)
}

/** `GET /lessons/{id}/notes`: the caller's private notes on a lesson, by video time. */
export async function getNotes(lessonId: string, signal?: AbortSignal): Promise<Note[]> {
  const notes = await unwrap(apiClient.GET('/api/v1/lessons/{id}/notes', { params: { path: { id: lessonId } }, signal }))
  return [...notes].sort(byTimestamp)
}

export const notesQueryOptions = (lessonId: string) =>
  queryOptions({
    queryKey: notesKey(lessonId),
    queryFn: ({ signal }) => getNotes(lessonId, signal),
  })

export function useNotes(lessonId: string) {
  return useQuery(notesQueryOptions(lessonId))
}
