/**
 * Splitting a batch of changed elements into `board.update` frames the server takes: at most 500 elements
 * and 512 KB a frame, at most 64 KB an element (docs/classroom.md, "Board actions").
 */

export const MAX_ELEMENTS_PER_FRAME = 500
/** Under the server's 512 KB, leaving room for the frame's own fields. */
export const MAX_FRAME_SIZE = 500 * 1024
export const MAX_ELEMENT_SIZE = 64 * 1024

/**
 * The size the server measures for a value's JSON: it escapes every character outside ASCII as `\uXXXX`,
 * so those count six.
 */
export function jsonSize(value: unknown): number {
  const text = JSON.stringify(value) ?? ''
  let size = text.length
  for (let i = 0; i < text.length; i += 1) {
    if (text.charCodeAt(i) > 0x7f) size += 5
  }
  return size
}

export interface FrameSplit<T> {
  /** Batches in order, each within the limits. */
  frames: T[][]
  /** Elements too big to send at all. */
  oversized: T[]
}

export function splitIntoFrames<T>(
  elements: readonly T[],
  {
    maxCount = MAX_ELEMENTS_PER_FRAME,
    maxSize = MAX_FRAME_SIZE,
    maxElementSize = MAX_ELEMENT_SIZE,
    sizeOf = jsonSize,
  }: { maxCount?: number; maxSize?: number; maxElementSize?: number; sizeOf?: (element: T) => number } = {},
): FrameSplit<T> {
  const frames: T[][] = []
  const oversized: T[] = []
  let current: T[] = []
  let currentSize = 0
  for (const element of elements) {
    const size = sizeOf(element) + 1
    if (size > maxElementSize) {
      oversized.push(element)
      continue
    }
    if (current.length > 0 && (current.length >= maxCount || currentSize + size > maxSize)) {
      frames.push(current)
      current = []
      currentSize = 0
    }
    current.push(element)
    currentSize += size
  }
  if (current.length > 0) frames.push(current)
  return { frames, oversized }
}
