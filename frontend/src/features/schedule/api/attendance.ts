import { useMutation, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { saveBlob } from '@/lib/save-blob'
import { scheduleKeys } from './keys'
import type { AttendanceRow } from './types'

/** `GET /sessions/{id}/attendance`: every student of the class with minutes and present / late / absent. */
export function getAttendance(id: string, signal?: AbortSignal): Promise<AttendanceRow[]> {
  return unwrap(apiClient.GET('/api/v1/sessions/{id}/attendance', { params: { path: { id } }, signal }))
}

export function useAttendance(id: string, enabled = true) {
  return useQuery({
    queryKey: scheduleKeys.attendance(id),
    queryFn: ({ signal }) => getAttendance(id, signal),
    enabled,
  })
}

/**
 * The spreadsheets need the access token, so they are fetched through the API client as blobs
 * rather than opened as links.
 */
export function getClassAttendanceCsv(id: string): Promise<Blob> {
  return unwrap(
    apiClient.GET('/api/v1/sessions/{id}/attendance.csv', { params: { path: { id } }, parseAs: 'blob' }),
  )
}

export function getCourseAttendanceCsv(slug: string): Promise<Blob> {
  return unwrap(
    apiClient.GET('/api/v1/courses/{slug}/attendance.csv', { params: { path: { slug } }, parseAs: 'blob' }),
  )
}

export function useClassAttendanceCsv(id: string) {
  return useMutation({
    mutationFn: () => getClassAttendanceCsv(id),
    onSuccess: (blob) => saveBlob(blob, `attendance-${id}.csv`),
  })
}

export function useCourseAttendanceCsv(slug: string) {
  return useMutation({
    mutationFn: () => getCourseAttendanceCsv(slug),
    onSuccess: (blob) => saveBlob(blob, `${slug}-attendance.csv`),
  })
}
