import { getAccessToken, refreshSession } from '@/lib/auth/session-store'
import { networkError } from '@/lib/errors'

/** What an XMLHttpRequest answered, with the JSON body parsed when there is one. */
export interface XhrResponse {
  status: number
  headers: Headers
  body: unknown
}

export interface XhrOptions {
  method: 'POST' | 'PUT'
  url: string
  body: XMLHttpRequestBodyInit
  headers?: Record<string, string>
  /** Bytes of `body` sent so far. */
  onProgress?: (loaded: number) => void
  signal?: AbortSignal | undefined
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const index = line.indexOf(':')
    if (index > 0) headers.append(line.slice(0, index).trim(), line.slice(index + 1).trim())
  }
  return headers
}

function send(options: XhrOptions, token: string | null): Promise<XhrResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'))
      return
    }
    const xhr = new XMLHttpRequest()
    xhr.open(options.method, options.url)
    xhr.setRequestHeader('Accept', 'application/json')
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value)
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded)
    }
    const onAbort = () => xhr.abort()
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', onAbort)
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      resolve({ status: xhr.status, headers: parseHeaders(xhr.getAllResponseHeaders()), body })
    }
    xhr.onerror = () => {
      options.signal?.removeEventListener('abort', onAbort)
      reject(networkError(new Error('Upload failed')))
    }
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'))
    options.signal?.addEventListener('abort', onAbort, { once: true })
    xhr.send(options.body)
  })
}

/**
 * Sends a request with XMLHttpRequest (fetch cannot report upload progress),
 * with the in-memory access token. A 401 refreshes the session once and
 * retries once, like every other authenticated call.
 */
export async function sendWithProgress(options: XhrOptions): Promise<XhrResponse> {
  const token = getAccessToken()
  const result = await send(options, token)
  if (result.status !== 401 || !token) return result
  const refreshed = await refreshSession({ staleToken: token })
  const fresh = getAccessToken()
  if (!refreshed || !fresh) return result
  options.onProgress?.(0)
  return send(options, fresh)
}
