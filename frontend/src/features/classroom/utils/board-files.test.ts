import { describe, expect, it } from 'vitest'

import { blobToDataUrl, boardFileId, boardImageProblem, dataUrlToBlob, fitInside, isBoardFileId } from './board-files'

describe('board images', () => {
  it('takes PNG, JPEG, WebP and GIF up to 4 MB', () => {
    expect(boardImageProblem({ type: 'image/png', size: 1000 })).toBeNull()
    expect(boardImageProblem({ type: 'image/gif', size: 4 * 1024 * 1024 })).toBeNull()
    expect(boardImageProblem({ type: 'image/svg+xml', size: 10 })).toBe('type')
    expect(boardImageProblem({ type: 'image/jpeg', size: 4 * 1024 * 1024 + 1 })).toBe('size')
  })

  it('checks file ids as the server does', () => {
    expect(isBoardFileId('a1B2_c-3')).toBe(true)
    expect(isBoardFileId('')).toBe(false)
    expect(isBoardFileId('x'.repeat(65))).toBe(false)
    expect(isBoardFileId('../etc')).toBe(false)
  })

  it('turns a data URL into its bytes and back', async () => {
    const blob = dataUrlToBlob('data:image/png;base64,iVBORw0K')
    expect(blob.type).toBe('image/png')
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])
    expect(await blobToDataUrl(blob)).toBe('data:image/png;base64,iVBORw0K')
    expect(await dataUrlToBlob('data:text/plain,a%20b').text()).toBe('a b')
    expect(() => dataUrlToBlob('https://example.com/x.png')).toThrow()
  })

  it('names a file by the SHA-1 of its bytes', async () => {
    const id = await boardFileId(new Blob(['abc']))
    expect(id).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(isBoardFileId(id)).toBe(true)
  })

  it('fits a picture inside a box without stretching or enlarging it', () => {
    expect(fitInside({ width: 3200, height: 1200 }, { width: 1600, height: 1200 })).toEqual({ width: 1600, height: 600 })
    expect(fitInside({ width: 800, height: 2400 }, { width: 1600, height: 1200 })).toEqual({ width: 400, height: 1200 })
    expect(fitInside({ width: 300, height: 200 }, { width: 1600, height: 1200 })).toEqual({ width: 300, height: 200 })
  })
})
