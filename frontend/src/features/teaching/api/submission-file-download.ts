import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `GET /submission-files/{id}/download` → `{url}`: a signed link valid for a few minutes. */
export async function getSubmissionFileLink(fileId: string): Promise<string> {
  const body = await unwrap(
    apiClient.GET('/api/v1/submission-files/{id}/download', { params: { path: { id: fileId } } }),
  )
  // The schema documents a free-form object; the link is its `url`.
  if (typeof body.url !== 'string') throw new Error('The download link is missing.')
  return body.url
}

/** Asks for a fresh link and follows it (the browser downloads the file). */
export function useDownloadSubmissionFile() {
  return useMutation({
    mutationFn: getSubmissionFileLink,
    onSuccess: (url) => window.location.assign(url),
  })
}
