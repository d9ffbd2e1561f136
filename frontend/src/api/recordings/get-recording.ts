import { queryOptions, useQuery } from '@tanstack/react-query'

import { unwrap } from '@/lib/errors'

import { apiClient } from '../client'
import { PROCESSING_POLL_MS, recordingKeys } from './keys'
import type { Recording } from './types'

/** `GET /recordings/{rid}`. */
export function getRecording(id: string, signal?: AbortSignal): Promise<Recording> {
  return unwrap(apiClient.GET('/api/v1/recordings/{recording_id}', { params: { path: { recording_id: id } }, signal }))
}

/** Asks again every few seconds until the recording is ready or failed. */
export const recordingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: recordingKeys.detail(id),
    queryFn: ({ signal }) => getRecording(id, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status
      return status === 'ready' || status === 'failed' ? false : PROCESSING_POLL_MS
    },
    refetchIntervalInBackground: true,
  })

export function useRecording(id: string | null) {
  return useQuery({ ...recordingQueryOptions(id ?? ''), enabled: id !== null })
}
