import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { ApiError, unwrap } from '@/lib/errors'

/** `GET /submission-files/{id}/download` → `{url}`: a signed link valid for a few minutes. */
export async function getSubmissionFileUrl(fileId: string): Promise<string> {
  const body = await unwrap(
    apiClient.GET('/api/v1/submission-files/{id}/download', { params: { path: { id: fileId } } }),
  )
  const url = body.url
  if (typeof url !== 'string' || !url) {
    throw new ApiError({ status: 500, code: 'server_error', message: 'The download link is missing.' })
  }
  return url
}

/** Asks for a fresh link and follows it (the browser downloads the file). */
export function useDownloadSubmissionFile() {
  return useMutation({
    mutationFn: getSubmissionFileUrl,
    onSuccess: (url) => window.location.assign(url),
  })
}
