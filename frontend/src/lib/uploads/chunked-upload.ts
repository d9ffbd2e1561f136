import type { UploadSession } from '@/api/types'
import { apiErrorFromResponse, isApiError } from '@/lib/errors'

import { chunkUrl, completeUpload, createUpload, getUpload, type UploadKind } from './upload-api'
import { forgetUpload, recallUpload, rememberUpload, uploadKey } from './upload-store'
import { sendWithProgress, type XhrResponse } from './xhr'

export interface UploadProgress {
  /** Bytes the server has (or is receiving right now). */
  loaded: number
  total: number
}

export interface ChunkedUploadOptions {
  kind: UploadKind
  onProgress?: (progress: UploadProgress) => void
  /** Called once, when an upload left unfinished earlier continues from `offset`. */
  onResume?: (offset: number) => void
  signal?: AbortSignal | undefined
  /** Tries per chunk for network trouble and 5xx (first try included). */
  maxAttempts?: number
  /** Wait before retry number `attempt` (1, 2, …). */
  retryDelay?: (attempt: number) => number
}

const DEFAULT_CHUNK_SIZE = 5 * 1024 * 1024
const MAX_CONFLICTS = 5

/** 1 s, 2 s, 4 s … capped at 30 s, with jitter so many clients don't retry in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'))
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new DOMException('Upload cancelled', 'AbortError'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function isRetryable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status === 429 || error.status >= 500)
}

function isGone(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 410)
}

function receivedBytes(body: unknown): number | null {
  if (typeof body === 'object' && body !== null && 'received_bytes' in body) {
    const value = body.received_bytes
    if (typeof value === 'number' && Number.isFinite(value)) return value
  }
  return null
}

interface Session {
  id: string
  chunkSize: number
  offset: number
}

/**
 * Uploads `file` in chunks (`PUT /uploads/{id}` with `Content-Range`) and
 * completes it. Unfinished uploads are remembered in localStorage by the file's
 * identity: picking the same file again, even after a reload, asks the server
 * how much it has (`GET /uploads/{id}`) and continues from there. A failed
 * chunk is retried with backoff; a 409 (the server is elsewhere) re-reads the
 * offset. Cancelling via `signal` keeps the upload resumable.
 */
export async function uploadInChunks(file: File, options: ChunkedUploadOptions): Promise<UploadSession> {
  const { kind, signal, onProgress = () => {} } = options
  const maxAttempts = options.maxAttempts ?? 5
  const retryDelay = options.retryDelay ?? backoffDelay
  const key = uploadKey(file, kind)

  const adopt = (upload: UploadSession): Session => ({
    id: upload.id,
    chunkSize: upload.chunk_size > 0 ? upload.chunk_size : DEFAULT_CHUNK_SIZE,
    offset: upload.received_bytes,
  })

  const startNew = async (): Promise<Session> => {
    const upload = await createUpload({ filename: file.name, size: file.size, kind }, signal)
    rememberUpload(key, {
      upload_id: upload.id,
      name: file.name,
      size: file.size,
      lastModified: file.lastModified,
      expires_at: upload.expires_at,
    })
    return adopt(upload)
  }

  const resume = async (): Promise<Session | null> => {
    const stored = recallUpload(key)
    if (!stored) return null
    try {
      const upload = await getUpload(stored.upload_id, signal)
      if (upload.status === 'aborted') {
        forgetUpload(key)
        return null
      }
      const session = adopt(upload)
      if (session.offset > 0) options.onResume?.(session.offset)
      return session
    } catch (error) {
      if (!isGone(error)) throw error
      forgetUpload(key)
      return null
    }
  }

  let session = (await resume()) ?? (await startNew())
  let restarted = false
  onProgress({ loaded: session.offset, total: file.size })

  const readOffset = async () => {
    session = { ...session, offset: (await getUpload(session.id, signal)).received_bytes }
    onProgress({ loaded: session.offset, total: file.size })
  }

  /** The upload is gone or cancelled on the server: start a new one, once. */
  const restart = async (error: unknown) => {
    if (restarted) throw error
    restarted = true
    forgetUpload(key)
    session = await startNew()
  }

  let conflicts = 0
  let attempt = 0
  for (;;) {
    while (session.offset < file.size) {
      const start = session.offset
      const end = Math.min(start + session.chunkSize, file.size)
      let response: XhrResponse
      try {
        response = await sendWithProgress({
          method: 'PUT',
          url: chunkUrl(session.id),
          body: file.slice(start, end),
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Range': `bytes ${start}-${end - 1}/${file.size}`,
          },
          onProgress: (sent) => onProgress({ loaded: start + Math.min(sent, end - start), total: file.size }),
          signal,
        })
      } catch (error) {
        if (!isRetryable(error) || attempt + 1 >= maxAttempts) throw error
        attempt += 1
        await wait(retryDelay(attempt), signal)
        continue
      }

      if (response.status >= 200 && response.status < 300) {
        attempt = 0
        conflicts = 0
        session = { ...session, offset: receivedBytes(response.body) ?? end }
        onProgress({ loaded: session.offset, total: file.size })
        continue
      }

      const error = apiErrorFromResponse(response, response.body)
      if (error.code === 'upload_aborted' || isGone(error)) {
        await restart(error)
      } else if (error.code === 'upload_complete') {
        session = { ...session, offset: file.size }
      } else if (response.status === 409 && conflicts < MAX_CONFLICTS) {
        // The server is at another offset (an earlier try got through, or another tab): ask it.
        conflicts += 1
        await readOffset()
      } else if (isRetryable(error) && attempt + 1 < maxAttempts) {
        attempt += 1
        await wait(retryDelay(attempt), signal)
      } else {
        // Refused for good (too large, wrong type…): forget it. A lapsed session can resume after logging in.
        if (!isRetryable(error) && error.status !== 401) forgetUpload(key)
        throw error
      }
    }

    try {
      const completed = await completeUpload(session.id, signal)
      forgetUpload(key)
      return completed
    } catch (error) {
      if (isApiError(error) && error.code === 'upload_incomplete' && conflicts < MAX_CONFLICTS) {
        conflicts += 1
        await readOffset()
        continue
      }
      if (isGone(error) && !restarted) {
        // The server lost the assembled data: send the file again, once.
        await restart(error)
        continue
      }
      // A file the server refuses (wrong type, empty) won't get better by resuming.
      if (isApiError(error) && error.status >= 400 && error.status < 500) forgetUpload(key)
      throw error
    }
  }
}
