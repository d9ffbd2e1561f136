import { useMutation, useQueryClient } from '@tanstack/react-query'

import { sharedQueryKeys } from '@/api/query-keys'
import type { User } from '@/api/types'
import { getAccessToken, refreshSession, updateSessionUser } from '@/lib/auth/session-store'
import { apiErrorFromResponse, networkError } from '@/lib/errors'

export const AVATAR_URL = '/api/v1/me/avatar'
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

interface XhrResult {
  status: number
  headers: Headers
  body: unknown
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const index = line.indexOf(':')
    if (index > 0) headers.append(line.slice(0, index).trim(), line.slice(index + 1).trim())
  }
  return headers
}

function send(
  file: File,
  token: string | null,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<XhrResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', AVATAR_URL)
    xhr.withCredentials = false
    xhr.setRequestHeader('Accept', 'application/json')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress((event.loaded / event.total) * 100)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), body })
    }
    xhr.onerror = () => reject(networkError(new Error('Upload failed')))
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('avatar', file)
    xhr.send(form)
  })
}

/**
 * `POST /me/avatar` (multipart, field `avatar`). Uses XMLHttpRequest because
 * fetch cannot report upload progress. Like every authenticated call, a 401
 * triggers one session refresh and one retry.
 */
export async function uploadAvatar(
  file: File,
  { onProgress = () => {}, signal }: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<User> {
  const token = getAccessToken()
  let result = await send(file, token, onProgress, signal)
  if (result.status === 401 && token) {
    const refreshed = await refreshSession({ staleToken: token })
    const fresh = getAccessToken()
    if (refreshed && fresh) {
      onProgress(0)
      result = await send(file, fresh, onProgress, signal)
    }
  }
  if (result.status >= 200 && result.status < 300) {
    onProgress(100)
    return result.body as User
  }
  throw apiErrorFromResponse(result, result.body)
}

export function useUploadAvatar() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) =>
      uploadAvatar(file, { onProgress }),
    onSuccess: (user) => {
      queryClient.setQueryData(sharedQueryKeys.me, user)
      updateSessionUser(user)
    },
  })
}
