import { describe, expect, it } from 'vitest'

import { PartChunker } from './part-chunker'

const bytes = (size: number, fill = 1) => new Blob([new Uint8Array(size).fill(fill)], { type: 'video/webm' })

describe('part chunker', () => {
  it('numbers a part’s chunks from 0 in order', () => {
    const chunker = new PartChunker(3, 10)
    const chunks = [bytes(20), bytes(5), bytes(30)].map((blob) => chunker.add(blob))
    expect(chunks.map((chunk) => chunk && [chunk.part, chunk.index, chunk.blob.size])).toEqual([
      [3, 0, 20],
      [3, 1, 5],
      [3, 2, 30],
    ])
  })

  it('holds back a tiny first piece and sends it joined with what follows, in order', async () => {
    const chunker = new PartChunker(1, 10)
    expect(chunker.add(new Blob([new Uint8Array([0x1a])]))).toBeNull()
    expect(chunker.add(bytes(0))).toBeNull()
    const first = chunker.add(new Blob([new Uint8Array([0x45, 0xdf, 0xa3, 1, 2, 3, 4, 5, 6, 7])]))!
    expect([first.part, first.index, first.blob.size]).toEqual([1, 0, 11])
    expect([...new Uint8Array(await first.blob.arrayBuffer())].slice(0, 4)).toEqual([0x1a, 0x45, 0xdf, 0xa3])
    expect(chunker.add(bytes(2))!.index).toBe(1)
  })

  it('sends what is held back when recording stops', () => {
    const chunker = new PartChunker(0, 4096)
    expect(chunker.add(bytes(100))).toBeNull()
    const last = chunker.flush()!
    expect([last.index, last.blob.size]).toEqual([0, 100])
    expect(chunker.flush()).toBeNull()
  })
})
