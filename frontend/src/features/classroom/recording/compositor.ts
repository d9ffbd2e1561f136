/**
 * Draws the tutor's view of the class onto a 1280×720 canvas, many times a second: a shared screen if there is
 * one (unless the tutor's stage shows the whiteboard), else the whiteboard's canvases as they are on screen,
 * else the person on stage, with the tutor's camera in a corner. The canvas itself is never shown;
 * `canvas.captureStream()` feeds MediaRecorder.
 *
 * The drawing runs on `setInterval`, which keeps going (more slowly) when the tab is in the background, where
 * `requestAnimationFrame` would stop.
 */
import { boardLayers, containRect, cornerRect, FRAME_HEIGHT, FRAME_WIDTH, type Rect } from './layout'
import type { CompositionSources } from './sources'

const FRAME: Rect = { x: 0, y: 0, width: FRAME_WIDTH, height: FRAME_HEIGHT }
const BACKGROUND = '#0f172a'

/** One hidden, muted `<video>` per stream, so its current frame can be drawn. */
class VideoPool {
  private readonly videos = new Map<string, HTMLVideoElement>()

  frameOf(stream: MediaStream): HTMLVideoElement | null {
    let video = this.videos.get(stream.id)
    if (!video) {
      video = document.createElement('video')
      video.muted = true
      video.playsInline = true
      video.autoplay = true
      video.srcObject = stream
      void video.play().catch(() => undefined)
      this.videos.set(stream.id, video)
    }
    return video.readyState >= 2 && video.videoWidth > 0 ? video : null
  }

  /** Lets go of the videos of streams no longer drawn. */
  keep(streams: readonly (MediaStream | null)[]): void {
    const wanted = new Set(streams.filter((stream): stream is MediaStream => stream !== null).map((s) => s.id))
    for (const [id, video] of this.videos) {
      if (wanted.has(id)) continue
      video.srcObject = null
      this.videos.delete(id)
    }
  }

  clear(): void {
    this.keep([])
  }
}

/** The whiteboard on screen, if it is showing: Excalidraw's container, with its canvases. */
export function findBoard(root: ParentNode = document): HTMLElement | null {
  for (const board of root.querySelectorAll<HTMLElement>('.excalidraw')) {
    const box = board.getBoundingClientRect()
    if (box.width > 0 && box.height > 0 && board.querySelector('canvas')) return board
  }
  return null
}

function toRect(box: DOMRect): Rect {
  return { x: box.left, y: box.top, width: box.width, height: box.height }
}

export class Compositor {
  readonly canvas: HTMLCanvasElement
  private readonly context: CanvasRenderingContext2D
  private readonly pool = new VideoPool()
  private timer: ReturnType<typeof setInterval> | null = null

  private readonly sources: () => CompositionSources
  private readonly title: () => string

  constructor(sources: () => CompositionSources, title: () => string) {
    this.sources = sources
    this.title = title
    this.canvas = document.createElement('canvas')
    this.canvas.width = FRAME_WIDTH
    this.canvas.height = FRAME_HEIGHT
    const context = this.canvas.getContext('2d')
    if (!context) throw new Error('This browser cannot draw the recording')
    this.context = context
  }

  start(frameRate: number, onTick?: () => void): void {
    this.stop()
    this.draw()
    this.timer = setInterval(() => {
      this.draw()
      onTick?.()
    }, Math.round(1000 / frameRate))
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  close(): void {
    this.stop()
    this.pool.clear()
  }

  private drawVideo(stream: MediaStream, box: Rect, fit: 'contain' | 'fill' = 'contain'): boolean {
    const video = this.pool.frameOf(stream)
    if (!video) return false
    const target = fit === 'contain' ? containRect(video.videoWidth, video.videoHeight, box) : box
    this.context.drawImage(video, target.x, target.y, target.width, target.height)
    return true
  }

  private drawBoard(board: HTMLElement): boolean {
    const canvases = [...board.querySelectorAll('canvas')].filter((canvas) => canvas.width > 0 && canvas.height > 0)
    if (canvases.length === 0) return false
    const boardBox = toRect(board.getBoundingClientRect())
    const placed = boardLayers(
      boardBox,
      canvases.map((canvas) => toRect(canvas.getBoundingClientRect())),
      FRAME,
    )
    const area = containRect(boardBox.width, boardBox.height, FRAME)
    this.context.fillStyle = '#ffffff'
    this.context.fillRect(area.x, area.y, area.width, area.height)
    canvases.forEach((canvas, index) => {
      const box = placed[index]!
      this.context.drawImage(canvas, box.x, box.y, box.width, box.height)
    })
    return true
  }

  private drawTitle(): void {
    const context = this.context
    context.fillStyle = '#f8fafc'
    context.font = '600 44px system-ui, sans-serif'
    context.textAlign = 'center'
    context.textBaseline = 'middle'
    context.fillText(this.title(), FRAME_WIDTH / 2, FRAME_HEIGHT / 2, FRAME_WIDTH - 160)
  }

  /** One frame. */
  draw(): void {
    const { screen, camera, stage, boardFirst = false } = this.sources()
    const context = this.context
    context.fillStyle = BACKGROUND
    context.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT)

    let main: MediaStream | null = null
    let drawn = false
    const board = () => {
      const found = findBoard()
      return found !== null && this.drawBoard(found)
    }
    if (boardFirst) drawn = board()
    if (!drawn && screen) {
      main = screen
      drawn = this.drawVideo(screen, FRAME)
    }
    if (!drawn && !boardFirst) drawn = board()
    if (!drawn && stage) {
      main = stage
      drawn = this.drawVideo(stage, FRAME)
    }
    if (!drawn && camera) {
      main = camera
      drawn = this.drawVideo(camera, FRAME)
    }
    if (!drawn) this.drawTitle()

    if (camera && camera !== main) {
      const video = this.pool.frameOf(camera)
      if (video) {
        const corner = cornerRect(video.videoWidth, video.videoHeight, { rtl: document.documentElement.dir === 'rtl' })
        context.fillStyle = BACKGROUND
        context.fillRect(corner.x - 3, corner.y - 3, corner.width + 6, corner.height + 6)
        this.drawVideo(camera, corner, 'fill')
      }
    }
    this.pool.keep([screen, stage, camera])
  }
}
