import type { RecordingChunk } from './chunk-queue'

/**
 * The first chunk of a part must carry the whole WebM header (the server checks it). MediaRecorder sometimes
 * hands over a first piece of a few bytes only (seen in Chromium when recording starts while the page's audio
 * is still suspended), so the start of a part is held back until it is this big.
 */
export const MIN_FIRST_CHUNK_BYTES = 4096

/** Numbers one part's chunks in order, joining the pieces at its start into a first chunk big enough. */
export class PartChunker {
  private readonly part: number
  private readonly minFirstBytes: number
  private index = 0
  private head: Blob[] = []
  private headSize = 0

  constructor(part: number, minFirstBytes = MIN_FIRST_CHUNK_BYTES) {
    this.part = part
    this.minFirstBytes = minFirstBytes
  }

  /** A piece from MediaRecorder → the chunk to upload, or null while the part's start is still too small. */
  add(blob: Blob): RecordingChunk | null {
    if (blob.size === 0) return null
    if (this.index > 0) return this.next(blob)
    this.head.push(blob)
    this.headSize += blob.size
    return this.headSize >= this.minFirstBytes ? this.flush() : null
  }

  /** Whatever is held back (when recording stops), or null. */
  flush(): RecordingChunk | null {
    if (this.head.length === 0) return null
    const blob = this.head.length === 1 ? this.head[0]! : new Blob(this.head, { type: this.head[0]!.type })
    this.head = []
    this.headSize = 0
    return this.next(blob)
  }

  private next(blob: Blob): RecordingChunk {
    const chunk = { part: this.part, index: this.index, blob }
    this.index += 1
    return chunk
  }
}
