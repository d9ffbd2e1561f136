import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from '../client'
import { PROCESSING_POLL_MS, recordingKeys } from './keys'
import type { Recording } from './types'

/** Recordings still being made into a video, whose list keeps asking until they are done. */
export function hasUnfinished(recordings: readonly Recording[] | undefined): boolean {
  return (recordings ?? []).some((recording) => recording.status === 'recording' || recording.status === 'processing')
}

/** `GET /sessions/{id}/recordings`: a class's recordings (students see the ready ones only). */
export function getSessionRecordings(sessionId: string, signal?: AbortSignal): Promise<Recording[]> {
  return unwrap(apiClient.GET('/api/v1/sessions/{id}/recordings', { params: { path: { id: sessionId } }, signal }))
}

export const sessionRecordingsQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: recordingKeys.session(sessionId),
    queryFn: ({ signal }) => getSessionRecordings(sessionId, signal),
    refetchInterval: (query) => (hasUnfinished(query.state.data) ? PROCESSING_POLL_MS : false),
  })

export function useSessionRecordings(sessionId: string, enabled = true) {
  return useQuery({ ...sessionRecordingsQueryOptions(sessionId), enabled })
}

/** `GET /courses/{slug}/recordings`: the ready recordings of a course's classes, for its tutors and students. */
export function getCourseRecordings(slug: string, signal?: AbortSignal): Promise<Recording[]> {
  return unwrap(apiClient.GET('/api/v1/courses/{slug}/recordings', { params: { path: { slug } }, signal }))
}

export const courseRecordingsQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: recordingKeys.course(slug),
    queryFn: ({ signal }) => getCourseRecordings(slug, signal),
    refetchInterval: (query) => (hasUnfinished(query.state.data) ? PROCESSING_POLL_MS : false),
  })

export function useCourseRecordings(slug: string, enabled = true) {
  return useQuery({ ...courseRecordingsQueryOptions(slug), enabled })
}
