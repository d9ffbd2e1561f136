import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { UploadSession } from '@/api/types'
import { FakeXhr, type XhrRequest } from '@/testing/fake-xhr'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'

import { uploadInChunks, type UploadProgress } from './chunked-upload'
import { recallUpload, uploadKey } from './upload-store'

const UPLOAD_ID = '60000000-0000-4000-8000-000000000001'
const CONTENT = 'abcdefghij' // 10 bytes, sent in chunks of 4

/** The same file as far as identity goes: a "reload" picks it again as a new File object. */
function pickFile() {
  return new File([CONTENT], 'lecture.mp4', { type: 'video/mp4', lastModified: 1_700_000_000_000 })
}

function session(received: number, overrides: Partial<UploadSession> = {}): UploadSession {
  return {
    id: UPLOAD_ID,
    filename: 'lecture.mp4',
    size: CONTENT.length,
    kind: 'video',
    status: 'open',
    received_bytes: received,
    chunk_size: 4,
    expires_at: '2099-01-01T00:00:00Z',
    created_at: '2026-01-01T00:00:00Z',
    stored_name: '',
    content_type: '',
    ...overrides,
  }
}

/** A server that keeps the bytes it got and answers like `PUT /uploads/{id}`. */
function fakeServer(start = 0) {
  const server = { received: start, stored: CONTENT.slice(0, start) }
  const api = mockFetch([
    { method: 'POST', path: '/api/v1/uploads', handler: () => json(session(0), 201) },
    { method: 'GET', path: `/api/v1/uploads/${UPLOAD_ID}`, handler: () => json(session(server.received)) },
    {
      method: 'POST',
      path: `/api/v1/uploads/${UPLOAD_ID}/complete`,
      handler: () =>
        server.received === CONTENT.length
          ? json(session(server.received, { status: 'complete' }))
          : apiError(409, 'upload_incomplete', 'Send the rest first.'),
    },
  ])
  const accept = async (request: XhrRequest) => {
    const [, from, to] = /^bytes (\d+)-(\d+)\/10$/.exec(request.headers['Content-Range'] ?? '') ?? []
    if (Number(from) !== server.received) {
      return { status: 409, body: { error: { code: 'offset_mismatch', message: 'Wrong offset.', fields: {} } } }
    }
    server.stored += await (request.body as Blob).text()
    server.received = Number(to) + 1
    return { status: 200, body: session(server.received) }
  }
  return { server, api, accept }
}

const ranges = () => FakeXhr.requests.map((request) => request.headers['Content-Range'])

describe('resumable chunked upload', () => {
  beforeEach(() => window.localStorage.clear())
  afterEach(() => window.localStorage.clear())

  it('creates an upload, sends each chunk with Content-Range and completes it', async () => {
    const { server, api, accept } = fakeServer()
    FakeXhr.install(accept)
    const progress: UploadProgress[] = []

    const done = await uploadInChunks(pickFile(), { kind: 'video', onProgress: (p) => progress.push(p) })

    expect(done.status).toBe('complete')
    expect(await api.calls('POST', '/api/v1/uploads')[0]!.json()).toEqual({
      filename: 'lecture.mp4',
      size: 10,
      kind: 'video',
    })
    expect(ranges()).toEqual(['bytes 0-3/10', 'bytes 4-7/10', 'bytes 8-9/10'])
    expect(FakeXhr.requests.every((request) => request.method === 'PUT')).toBe(true)
    expect(server.stored).toBe(CONTENT)
    expect(progress.at(-1)).toEqual({ loaded: 10, total: 10 })
    expect(recallUpload(uploadKey(pickFile(), 'video'))).toBeNull()
  })

  it('after a reload, asks the server for its offset and continues from there', async () => {
    const { server, api, accept } = fakeServer()
    // First visit: the tab goes away after the first chunk.
    const controller = new AbortController()
    FakeXhr.install(async (request) => {
      const reply = await accept(request)
      controller.abort()
      return reply
    })
    await expect(uploadInChunks(pickFile(), { kind: 'video', signal: controller.signal })).rejects.toThrow()
    expect(recallUpload(uploadKey(pickFile(), 'video'))).toMatchObject({
      upload_id: UPLOAD_ID,
      name: 'lecture.mp4',
      size: 10,
      lastModified: 1_700_000_000_000,
    })

    // After the reload the same file is picked again: nothing is re-sent from the start.
    FakeXhr.install(accept)
    let resumedAt: number | null = null
    const done = await uploadInChunks(pickFile(), { kind: 'video', onResume: (offset) => (resumedAt = offset) })

    expect(done.status).toBe('complete')
    expect(api.calls('POST', '/api/v1/uploads')).toHaveLength(1)
    expect(api.calls('GET', `/api/v1/uploads/${UPLOAD_ID}`)).toHaveLength(1)
    expect(resumedAt).toBe(4)
    expect(ranges()).toEqual(['bytes 4-7/10', 'bytes 8-9/10'])
    expect(server.stored).toBe(CONTENT)
  })

  it('on 409 re-reads the offset from the server and sends from there', async () => {
    const { server, api, accept } = fakeServer()
    let first = true
    FakeXhr.install(async (request) => {
      if (first) {
        // The first chunk got through but its answer was lost; the retry then meets a 409.
        first = false
        await accept(request)
        return 'network-error'
      }
      return accept(request)
    })

    const done = await uploadInChunks(pickFile(), { kind: 'video', retryDelay: () => 0 })

    expect(done.status).toBe('complete')
    expect(ranges()).toEqual(['bytes 0-3/10', 'bytes 0-3/10', 'bytes 4-7/10', 'bytes 8-9/10'])
    expect(api.calls('GET', `/api/v1/uploads/${UPLOAD_ID}`)).toHaveLength(1)
    expect(server.stored).toBe(CONTENT)
  })

  it('retries a failing chunk with growing delays, then gives up', async () => {
    fakeServer()
    FakeXhr.install(() => ({ status: 503, body: { error: { code: 'server_error', message: 'Busy.' } } }))
    const delays: number[] = []

    await expect(
      uploadInChunks(pickFile(), {
        kind: 'video',
        maxAttempts: 3,
        retryDelay: (attempt) => {
          delays.push(attempt)
          return 0
        },
      }),
    ).rejects.toMatchObject({ status: 503 })

    expect(ranges()).toEqual(['bytes 0-3/10', 'bytes 0-3/10', 'bytes 0-3/10'])
    expect(delays).toEqual([1, 2])
    // A server hiccup does not lose the place: the next try resumes.
    expect(recallUpload(uploadKey(pickFile(), 'video'))).not.toBeNull()
  })

  it('forgets an upload the server refuses for good', async () => {
    mockFetch([
      {
        method: 'POST',
        path: '/api/v1/uploads',
        handler: () => apiError(415, 'unsupported_type', 'Not a video.'),
      },
    ])
    FakeXhr.install(() => ({ status: 500 }))

    await expect(uploadInChunks(pickFile(), { kind: 'video' })).rejects.toMatchObject({ code: 'unsupported_type' })
    expect(FakeXhr.requests).toHaveLength(0)
    expect(recallUpload(uploadKey(pickFile(), 'video'))).toBeNull()
  })
})
