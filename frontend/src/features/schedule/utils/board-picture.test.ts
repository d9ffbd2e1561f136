import { describe, expect, it } from 'vitest'

import { buildBoardElement } from '@/testing/schedule-factories'

import { boardFileData, downloadName, imageFileIds, pageTexts } from './board-picture'

describe('board picture helpers', () => {
  it('finds each picture a page shows once, ignoring ids the server would not hold', () => {
    const elements = [
      buildBoardElement({ type: 'image', fileId: 'zeta' }),
      buildBoardElement({ type: 'image', fileId: 'alpha_1' }),
      buildBoardElement({ type: 'image', fileId: 'zeta' }),
      buildBoardElement({ type: 'image', fileId: '../../etc/passwd' }),
      buildBoardElement({ type: 'image', fileId: null }),
      buildBoardElement({ type: 'rectangle', fileId: 'not-an-image' }),
    ]
    expect(imageFileIds(elements)).toEqual(['alpha_1', 'zeta'])
  })

  it('reads the words on a page from top to bottom', () => {
    const elements = [
      buildBoardElement({ type: 'text', text: 'second', x: 0, y: 100 }),
      buildBoardElement({ type: 'text', text: '  first  ', x: 50, y: 10 }),
      buildBoardElement({ type: 'text', text: 'beside', x: 200, y: 100 }),
      buildBoardElement({ type: 'text', text: '   ', x: 0, y: 0 }),
      buildBoardElement({ type: 'rectangle', x: 0, y: 0 }),
    ]
    expect(pageTexts(elements)).toEqual(['first', 'second', 'beside'])
  })

  it('keeps a picture as a base64 data URL of an image type', async () => {
    const data = await boardFileData('pic', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' }))
    expect(data).toEqual({ id: 'pic', dataURL: 'data:image/webp;base64,AQID', mimeType: 'image/webp', created: expect.any(Number) as number })
    const odd = await boardFileData('odd', new Blob(['x'], { type: 'text/html' }))
    expect(odd.mimeType).toBe('image/png')
    expect(odd.dataURL.startsWith('data:image/png;base64,')).toBe(true)
  })

  it('makes a file name from a title, keeping Urdu whole', () => {
    expect(downloadName('Algebra live: Page 1', 'png')).toBe('Algebra-live-Page-1.png')
    expect(downloadName('آج کا سبق', 'png')).toBe('آج-کا-سبق.png')
    expect(downloadName('***', 'png')).toBe('whiteboard.png')
  })
})
