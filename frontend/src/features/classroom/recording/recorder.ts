/**
 * One recording in progress in this tab: the composed canvas and the mixed audio go into a MediaRecorder, and
 * every chunk it hands over goes into the upload queue under this tab's part number.
 */
import { AudioMixer } from './audio-mixer'
import { createChunkQueue, type ChunkQueue, type QueueStatus, type RecordingChunk, type UploadOutcome } from './chunk-queue'
import { Compositor } from './compositor'
import { PartChunker } from './part-chunker'
import {
  AUDIO_BITS_PER_SECOND,
  FRAME_RATE,
  pickMimeType,
  TIMESLICE_MS,
  VIDEO_BITS_PER_SECOND,
} from './recording-format'
import type { CompositionSources } from './sources'

export interface RecorderOptions {
  part: number
  sources: () => CompositionSources
  title: () => string
  upload: (chunk: RecordingChunk) => Promise<UploadOutcome>
  onQueue: (status: QueueStatus) => void
  /** The server takes no more chunks (the recording was stopped elsewhere, or the class ended). */
  onStoppedElsewhere: () => void
  /** MediaRecorder gave up (a device error); what was uploaded is kept. */
  onFailure: (error: unknown) => void
  /**
   * Whether recording waits for the page's audio to be allowed to play: browsers hold a page's audio until
   * someone clicks in it, which after a reload has not happened yet.
   */
  onWaiting?: (waiting: boolean) => void
}

/** How long stopping waits for the last chunks to upload before telling the server anyway. */
export const FLUSH_TIMEOUT_MS = 60_000

export class Recorder {
  private readonly compositor: Compositor
  private readonly mixer: AudioMixer
  private readonly queue: ChunkQueue
  private readonly media: MediaRecorder
  private readonly canvasStream: MediaStream
  private readonly chunker: PartChunker
  private finished = false
  private readonly onOnline = () => this.queue.wake()
  private readonly onGesture = () => this.mixer.resume()

  private readonly options: RecorderOptions

  constructor(options: RecorderOptions) {
    this.options = options
    const mimeType = pickMimeType((type) => MediaRecorder.isTypeSupported(type))
    if (!mimeType) throw new Error('This browser cannot record WebM')
    this.queue = createChunkQueue({
      upload: options.upload,
      onChange: (status) => {
        options.onQueue(status)
        if (status.stopped && !this.finished) {
          this.finished = true
          this.release()
          options.onStoppedElsewhere()
        }
      },
    })
    this.mixer = new AudioMixer()
    this.compositor = new Compositor(options.sources, options.title)
    this.canvasStream = this.compositor.canvas.captureStream(FRAME_RATE)
    const tracks = [...this.canvasStream.getVideoTracks()]
    const audio = this.mixer.track
    if (audio) tracks.push(audio)
    this.media = new MediaRecorder(new MediaStream(tracks), {
      mimeType,
      videoBitsPerSecond: VIDEO_BITS_PER_SECOND,
      audioBitsPerSecond: AUDIO_BITS_PER_SECOND,
    })
    this.chunker = new PartChunker(options.part)
    this.media.addEventListener('dataavailable', (event) => {
      const chunk = this.chunker.add(event.data)
      if (chunk) this.queue.push(chunk)
    })
    this.media.addEventListener('error', (event) => {
      if (this.finished) return
      this.finished = true
      this.release()
      options.onFailure((event as Event & { error?: unknown }).error ?? event)
    })
  }

  get part(): number {
    return this.options.part
  }

  start(): void {
    this.mixer.sync(this.options.sources().audio)
    let ticks = 0
    // The audio follows who is in the class; checked about once a second.
    this.compositor.start(FRAME_RATE, () => {
      ticks += 1
      if (ticks % FRAME_RATE === 0) this.mixer.sync(this.options.sources().audio)
    })
    window.addEventListener('online', this.onOnline)
    document.addEventListener('pointerdown', this.onGesture, true)
    // MediaRecorder makes nothing while the mixed audio is held, so it starts once the audio plays.
    this.mixer.context.addEventListener('statechange', this.onAudioState)
    this.onAudioState()
    this.mixer.resume()
  }

  /** Lets the page's audio play (from a click on "Continue recording"). */
  resumeAudio(): void {
    this.mixer.resume()
  }

  private readonly onAudioState = () => {
    if (this.finished) return
    const running = this.mixer.context.state === 'running'
    if (running && this.media.state === 'inactive') this.media.start(TIMESLICE_MS)
    this.options.onWaiting?.(!running && this.media.state === 'inactive')
  }

  /** Stops recording and waits (up to `timeoutMs`) until every chunk is uploaded; false if some were not. */
  async finish(timeoutMs = FLUSH_TIMEOUT_MS): Promise<boolean> {
    if (this.finished) return false
    this.finished = true
    if (this.media.state !== 'inactive') {
      await new Promise<void>((resolve) => {
        this.media.addEventListener('stop', () => resolve(), { once: true })
        try {
          this.media.stop()
        } catch {
          resolve()
        }
      })
    }
    this.release()
    const rest = this.chunker.flush()
    if (rest) this.queue.push(rest)
    let timer: ReturnType<typeof setTimeout> | undefined
    const flushed = await Promise.race([
      this.queue.flush(),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs)
      }),
    ])
    clearTimeout(timer)
    this.queue.close()
    return flushed
  }

  /** Leaves at once (the page is closing): what was not uploaded yet is lost. */
  abandon(): void {
    this.finished = true
    if (this.media.state !== 'inactive') {
      try {
        this.media.stop()
      } catch {
        // Already stopped.
      }
    }
    this.release()
    this.queue.close()
  }

  private release(): void {
    if (this.media.state !== 'inactive') {
      try {
        this.media.stop()
      } catch {
        // Already stopped.
      }
    }
    this.compositor.close()
    for (const track of this.canvasStream.getTracks()) track.stop()
    this.mixer.context.removeEventListener('statechange', this.onAudioState)
    this.mixer.close()
    window.removeEventListener('online', this.onOnline)
    document.removeEventListener('pointerdown', this.onGesture, true)
  }
}
