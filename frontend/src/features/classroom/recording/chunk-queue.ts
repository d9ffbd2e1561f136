/**
 * Uploads a recording's chunks one at a time, in the order MediaRecorder produced them. A chunk that fails
 * for a reason that may pass (the network, a busy server) is tried again after a growing pause; the queue
 * never skips ahead of it, so the server receives each part in order. Pure: the upload and the clock are
 * passed in.
 */

export interface RecordingChunk {
  /** A MediaRecorder stream: 0 for the first, one more after each reload or restart (0–999). */
  part: number
  /** The chunk's place within its part (0–99,999). */
  index: number
  blob: Blob
}

/**
 * What became of one upload: stored (or already stored), worth another try, refused for good (the queue moves
 * on), or the recording no longer takes chunks (stopped or gone: the queue empties).
 */
export type UploadOutcome = 'done' | 'retry' | 'skip' | 'stopped'

export interface QueueStatus {
  /** Chunks waiting, the one being sent included. */
  pending: number
  /** Failed tries in a row of the chunk at the head. */
  failures: number
  uploaded: number
  skipped: number
  stopped: boolean
}

export interface ChunkQueueOptions {
  upload: (chunk: RecordingChunk) => Promise<UploadOutcome>
  /** Waits before a retry; resolves early when the queue is woken or closed. */
  wait?: (ms: number, wake: Promise<void>) => Promise<void>
  /** The pause before retry number `attempt` (1, 2, …). */
  backoff?: (attempt: number) => number
  onChange?: (status: QueueStatus) => void
}

export interface ChunkQueue {
  push: (chunk: RecordingChunk) => void
  /** Resolves true once every chunk is stored or skipped, false when the recording stopped or the queue closed. */
  flush: () => Promise<boolean>
  /** Retries the head chunk now instead of at the end of its pause (e.g. when the browser is back online). */
  wake: () => void
  /** Gives up on whatever is left. */
  close: () => void
  status: () => QueueStatus
}

export const MAX_BACKOFF_MS = 30_000

/** 1 s, 2 s, 4 s … at most 30 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1))
}

function defaultWait(ms: number, wake: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    void wake.then(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * How a chunk upload's HTTP answer counts: 200 (the same chunk again) and 201 are stored; 409
 * `recording_stopped`, 404 and 403 mean the recording takes no more chunks; other refusals of the chunk
 * itself (400 empty, 413 too large, 415 not WebM) are skipped; network trouble (status 0), a sign-in that
 * could not be renewed yet (401), 408, 429 and 5xx are retried.
 */
export function classifyChunkResponse(status: number): UploadOutcome {
  if (status === 200 || status === 201) return 'done'
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry'
  if (status === 409 || status === 404 || status === 403) return 'stopped'
  return 'skip'
}

export function createChunkQueue({
  upload,
  wait = defaultWait,
  backoff = defaultBackoff,
  onChange,
}: ChunkQueueOptions): ChunkQueue {
  const items: RecordingChunk[] = []
  let failures = 0
  let uploaded = 0
  let skipped = 0
  let stopped = false
  let closed = false
  let running = false
  let waker: (() => void) | null = null
  let flushers: ((drained: boolean) => void)[] = []

  const status = (): QueueStatus => ({ pending: items.length, failures, uploaded, skipped, stopped })
  const changed = () => onChange?.(status())

  const settleFlushers = () => {
    if (items.length > 0 && !stopped && !closed) return
    const drained = !stopped && !closed
    const waiting = flushers
    flushers = []
    for (const resolve of waiting) resolve(drained)
  }

  const pump = async () => {
    if (running) return
    running = true
    while (items.length > 0 && !stopped && !closed) {
      const head = items[0]!
      let outcome: UploadOutcome
      try {
        outcome = await upload(head)
      } catch {
        outcome = 'retry'
      }
      if (closed) break
      if (outcome === 'stopped') {
        stopped = true
        items.length = 0
      } else if (outcome === 'retry') {
        failures += 1
        changed()
        const wake = new Promise<void>((resolve) => {
          waker = resolve
        })
        await wait(backoff(failures), wake)
        waker = null
        continue
      } else {
        items.shift()
        failures = 0
        if (outcome === 'done') uploaded += 1
        else skipped += 1
      }
      changed()
    }
    running = false
    settleFlushers()
  }

  return {
    push(chunk) {
      if (stopped || closed) return
      items.push(chunk)
      changed()
      void pump()
    },
    flush() {
      return new Promise<boolean>((resolve) => {
        flushers.push(resolve)
        if (!running) settleFlushers()
      })
    },
    wake() {
      waker?.()
    },
    close() {
      closed = true
      items.length = 0
      waker?.()
      changed()
      settleFlushers()
    },
    status,
  }
}
