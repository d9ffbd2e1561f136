import { vi } from 'vitest'

export interface XhrRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

export type XhrReply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'network-error'

export type XhrHandler = (request: XhrRequest) => XhrReply | Promise<XhrReply>

/**
 * A stand-in for XMLHttpRequest (which jsdom would send over its own network).
 * Each request is recorded and answered by `handler`; upload progress is
 * reported once, for the whole body, before the answer.
 */
export class FakeXhr {
  static handler: XhrHandler = () => ({ status: 404 })
  static requests: XhrRequest[] = []

  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  status = 0
  responseText = ''
  withCredentials = false
  private request: XhrRequest = { method: 'GET', url: '', headers: {}, body: null }
  private responseHeaders: Record<string, string> = {}
  private aborted = false

  open(method: string, url: string): void {
    this.request = { method, url, headers: {}, body: null }
  }

  setRequestHeader(name: string, value: string): void {
    this.request.headers[name] = value
  }

  getAllResponseHeaders(): string {
    return Object.entries(this.responseHeaders)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n')
  }

  send(body: unknown): void {
    this.request.body = body
    FakeXhr.requests.push(this.request)
    void Promise.resolve()
      .then(() => FakeXhr.handler(this.request))
      .then((reply) => {
        if (this.aborted) return
        if (reply === 'network-error') {
          this.onerror?.()
          return
        }
        const size = body instanceof Blob ? body.size : 0
        this.upload.onprogress?.({ lengthComputable: true, loaded: size, total: size } as ProgressEvent)
        this.status = reply.status
        this.responseHeaders = reply.headers ?? {}
        this.responseText = reply.body === undefined ? '' : JSON.stringify(reply.body)
        this.onload?.()
      })
  }

  abort(): void {
    this.aborted = true
    this.onabort?.()
  }

  static install(handler: XhrHandler): typeof FakeXhr {
    FakeXhr.handler = handler
    FakeXhr.requests = []
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
    return FakeXhr
  }
}
