import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `GET /resources/{id}/download` → `{url}`: a signed link valid for a few minutes. */
export function getResourceDownload(resourceId: string) {
  return unwrap(apiClient.GET('/api/v1/resources/{id}/download', { params: { path: { id: resourceId } } }))
}

/** Asks for a fresh link and follows it (the browser downloads the file). */
export function useDownloadResource() {
  return useMutation({
    mutationFn: getResourceDownload,
    onSuccess: ({ url }) => window.location.assign(url),
  })
}
