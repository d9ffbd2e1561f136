import { describe, expect, it } from 'vitest'

import { boardLayers, containRect, cornerRect, FRAME_HEIGHT, FRAME_WIDTH } from './layout'
import { pickMimeType } from './recording-format'

const FRAME = { x: 0, y: 0, width: FRAME_WIDTH, height: FRAME_HEIGHT }

describe('recording layout', () => {
  it('fits a picture inside the frame, centred, keeping its shape', () => {
    expect(containRect(1920, 1080, FRAME)).toEqual(FRAME)
    // A 4:3 screen: full height, centred with bars at the sides.
    expect(containRect(1024, 768, FRAME)).toEqual({ x: 160, y: 0, width: 960, height: 720 })
    // A tall phone screen.
    expect(containRect(720, 1440, FRAME)).toEqual({ x: 460, y: 0, width: 360, height: 720 })
    // Before a video knows its size, the whole box.
    expect(containRect(0, 0, FRAME)).toEqual(FRAME)
  })

  it('puts the camera in the bottom end corner, on the left for right-to-left pages', () => {
    expect(cornerRect(640, 360)).toEqual({ x: 976, y: 542, width: 288, height: 162 })
    expect(cornerRect(640, 480, { rtl: true })).toEqual({ x: 16, y: 488, width: 288, height: 216 })
    // A portrait camera is kept from covering half the frame.
    expect(cornerRect(360, 1280).height).toBe(432)
  })

  it('places the whiteboard’s canvases as they are laid out on screen', () => {
    const board = { x: 100, y: 50, width: 800, height: 600 }
    const layers = [
      { x: 100, y: 50, width: 800, height: 600 },
      { x: 500, y: 350, width: 400, height: 300 },
    ]
    expect(boardLayers(board, layers, FRAME)).toEqual([
      { x: 160, y: 0, width: 960, height: 720 },
      { x: 640, y: 360, width: 480, height: 360 },
    ])
  })

  it('records WebM with VP8 and Opus when it can, falling back to other WebM', () => {
    expect(pickMimeType(() => true)).toBe('video/webm;codecs=vp8,opus')
    expect(pickMimeType((type) => type === 'video/webm')).toBe('video/webm')
    expect(
      pickMimeType((type) => {
        if (type.includes('vp8')) throw new Error('unknown codec')
        return type.includes('vp9')
      }),
    ).toBe('video/webm;codecs=vp9,opus')
    expect(pickMimeType((type) => type === 'video/mp4')).toBeNull()
  })
})
