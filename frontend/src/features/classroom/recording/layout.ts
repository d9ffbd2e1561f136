/** Where things go on the recording's 1280×720 frame. Pure geometry, so it is unit-tested. */

export const FRAME_WIDTH = 1280
export const FRAME_HEIGHT = 720
/** The tutor's camera in the corner: a quarter of the frame's width less a little. */
export const CORNER_WIDTH = 288
export const CORNER_MARGIN = 16

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** `source` scaled to fit inside `box`, centred, keeping its shape (object-fit: contain). */
export function containRect(sourceWidth: number, sourceHeight: number, box: Rect): Rect {
  if (sourceWidth <= 0 || sourceHeight <= 0) return { ...box }
  const scale = Math.min(box.width / sourceWidth, box.height / sourceHeight)
  const width = sourceWidth * scale
  const height = sourceHeight * scale
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height }
}

/**
 * The camera's corner: bottom end (bottom right, or bottom left in a right-to-left page, where the end is
 * on the left), sized to the camera's own shape.
 */
export function cornerRect(
  sourceWidth: number,
  sourceHeight: number,
  { rtl = false, frameWidth = FRAME_WIDTH, frameHeight = FRAME_HEIGHT } = {},
): Rect {
  const ratio = sourceWidth > 0 && sourceHeight > 0 ? sourceHeight / sourceWidth : 9 / 16
  const width = CORNER_WIDTH
  const height = Math.round(width * Math.min(ratio, 1.5))
  const x = rtl ? CORNER_MARGIN : frameWidth - width - CORNER_MARGIN
  return { x, y: frameHeight - height - CORNER_MARGIN, width, height }
}

/**
 * Each of the whiteboard's canvases placed on the frame as they sit on screen: the board's box is fitted
 * into the frame, and every canvas keeps its offset and size within it.
 */
export function boardLayers(board: Rect, layers: readonly Rect[], frame: Rect): Rect[] {
  const fitted = containRect(board.width, board.height, frame)
  const scale = board.width > 0 ? fitted.width / board.width : 1
  return layers.map((layer) => ({
    x: fitted.x + (layer.x - board.x) * scale,
    y: fitted.y + (layer.y - board.y) * scale,
    width: layer.width * scale,
    height: layer.height * scale,
  }))
}
