import { describe, expect, it, vi } from 'vitest'

import {
  classifyChunkResponse,
  createChunkQueue,
  defaultBackoff,
  type RecordingChunk,
  type UploadOutcome,
} from './chunk-queue'

const chunk = (index: number, part = 0): RecordingChunk => ({ part, index, blob: new Blob([`chunk ${index}`]) })

/** An upload that answers each call from `outcomes` in turn ('done' once they run out), recording the order. */
function scripted(outcomes: (UploadOutcome | Error)[] = []) {
  const sent: string[] = []
  const upload = vi.fn((item: RecordingChunk) => {
    sent.push(`${item.part}/${item.index}`)
    const next = outcomes.shift() ?? 'done'
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next)
  })
  return { sent, upload }
}

const noWait = () => Promise.resolve()

describe('chunk queue', () => {
  it('uploads chunks one at a time, in order', async () => {
    let release: () => void = () => undefined
    const sent: string[] = []
    let inFlight = 0
    let most = 0
    const upload = (item: RecordingChunk) => {
      sent.push(`${item.part}/${item.index}`)
      inFlight += 1
      most = Math.max(most, inFlight)
      return new Promise<UploadOutcome>((resolve) => {
        release = () => {
          inFlight -= 1
          resolve('done')
        }
      })
    }
    const queue = createChunkQueue({ upload, wait: noWait })
    queue.push(chunk(0))
    queue.push(chunk(1))
    queue.push(chunk(2))
    expect(queue.status().pending).toBe(3)
    const flushed = queue.flush()
    for (let i = 0; i < 3; i += 1) {
      await vi.waitFor(() => expect(sent).toHaveLength(i + 1))
      release()
    }
    expect(await flushed).toBe(true)
    expect(sent).toEqual(['0/0', '0/1', '0/2'])
    expect(most).toBe(1)
    expect(queue.status()).toEqual({ pending: 0, failures: 0, uploaded: 3, skipped: 0, stopped: false })
  })

  it('retries a failed chunk with growing pauses before moving on', async () => {
    const { sent, upload } = scripted(['retry', new Error('offline'), 'retry', 'done', 'done'])
    const pauses: number[] = []
    const queue = createChunkQueue({
      upload,
      wait: (ms) => {
        pauses.push(ms)
        return Promise.resolve()
      },
    })
    queue.push(chunk(0))
    queue.push(chunk(1))
    expect(await queue.flush()).toBe(true)
    expect(sent).toEqual(['0/0', '0/0', '0/0', '0/0', '0/1'])
    expect(pauses).toEqual([1000, 2000, 4000])
    expect(queue.status().uploaded).toBe(2)
  })

  it('reports how far behind it is while a chunk keeps failing', async () => {
    const { upload } = scripted(['retry', 'retry'])
    const statuses: number[][] = []
    const queue = createChunkQueue({
      upload,
      wait: noWait,
      onChange: (status) => statuses.push([status.pending, status.failures]),
    })
    queue.push(chunk(0))
    await queue.flush()
    expect(statuses).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [0, 0],
    ])
  })

  it('skips a chunk the server refuses for good and keeps going', async () => {
    const { sent, upload } = scripted(['skip'])
    const queue = createChunkQueue({ upload, wait: noWait })
    queue.push(chunk(0))
    queue.push(chunk(1))
    expect(await queue.flush()).toBe(true)
    expect(sent).toEqual(['0/0', '0/1'])
    expect(queue.status()).toMatchObject({ uploaded: 1, skipped: 1 })
  })

  it('empties and refuses new chunks once the recording has stopped', async () => {
    const { sent, upload } = scripted(['done', 'stopped'])
    const queue = createChunkQueue({ upload, wait: noWait })
    queue.push(chunk(0))
    queue.push(chunk(1))
    queue.push(chunk(2))
    expect(await queue.flush()).toBe(false)
    queue.push(chunk(3))
    expect(sent).toEqual(['0/0', '0/1'])
    expect(queue.status()).toMatchObject({ pending: 0, stopped: true, uploaded: 1 })
  })

  it('retries at once when woken, and gives up when closed', async () => {
    const { sent, upload } = scripted(['retry', 'retry'])
    const wakes: Promise<void>[] = []
    const queue = createChunkQueue({
      upload,
      // A pause that only ends when woken.
      wait: (_ms, wake) => {
        wakes.push(wake)
        return wake
      },
    })
    queue.push(chunk(0))
    await vi.waitFor(() => expect(wakes).toHaveLength(1))
    queue.wake()
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    await vi.waitFor(() => expect(wakes).toHaveLength(2))
    const flushed = queue.flush()
    queue.close()
    expect(await flushed).toBe(false)
    expect(queue.status().pending).toBe(0)
  })

  it('flushes at once when there is nothing to send', async () => {
    const queue = createChunkQueue({ upload: () => Promise.resolve('done'), wait: noWait })
    expect(await queue.flush()).toBe(true)
  })
})

describe('chunk answers and pauses', () => {
  it('counts 200 (already stored) and 201 as stored', () => {
    expect(classifyChunkResponse(201)).toBe('done')
    expect(classifyChunkResponse(200)).toBe('done')
  })

  it('retries network trouble, throttling and server errors', () => {
    for (const status of [0, 401, 408, 429, 500, 502, 503]) expect(classifyChunkResponse(status)).toBe('retry')
  })

  it('stops on a stopped or missing recording, skips a refused chunk', () => {
    for (const status of [409, 404, 403]) expect(classifyChunkResponse(status)).toBe('stopped')
    for (const status of [400, 413, 415]) expect(classifyChunkResponse(status)).toBe('skip')
  })

  it('doubles the pause up to 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(defaultBackoff)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
  })
})
