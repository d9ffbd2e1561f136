/**
 * The tutor's recording in this tab, outside React: starting (or continuing) the class's recording, the
 * `Recorder` that makes and uploads it, stopping, and what the room says meanwhile. The hook `useRecorder`
 * subscribes to its snapshot.
 */
import type { Recording } from '@/api/recordings/types'

import type { QueueStatus, RecordingChunk, UploadOutcome } from './chunk-queue'
import { FIRST_PART, partAfterResume, type RecordingMemory } from './part-number'
import type { RecorderOptions } from './recorder'
import type { RunningRecording } from './room-recording'
import type { CompositionSources } from './sources'

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'stopping' | 'processing'

export interface RecorderSnapshot {
  phase: RecorderPhase
  /** The recording this tab is making. */
  activeId: string | null
  /** The recording being processed after this tab stopped it (or saw it stop). */
  processingId: string | null
  queue: QueueStatus | null
  /** Recording waits for the page's audio, which browsers hold until a click (after a reload). */
  waiting: boolean
  /** The recording this tab started or continued, before the room tells of it. */
  known: RunningRecording | null
}

/** What a running Recorder offers the controller (the real one, or a stand-in in tests). */
export interface RecorderEngine {
  start: () => void
  finish: () => Promise<boolean>
  abandon: () => void
  resumeAudio?: () => void
}

export interface ControllerDeps {
  sessionId: string
  memory: RecordingMemory
  startRecording: (sessionId: string) => Promise<{ recording: Recording; resumed: boolean }>
  stopRecording: (sessionId: string, recordingId: string) => Promise<Recording>
  uploadChunk: (sessionId: string, recordingId: string, chunk: RecordingChunk) => Promise<UploadOutcome>
  createRecorder: (options: RecorderOptions) => RecorderEngine
  now?: () => number
  pause?: (ms: number) => Promise<void>
}

export interface ControllerInputs {
  sources: () => CompositionSources
  title: () => string
  onError: (error: unknown, during: 'start' | 'stop' | 'record') => void
}

/** Chunks waiting (about 4 seconds each) before the tutor is told the upload is behind. */
export const BEHIND_CHUNKS = 3
const STOP_ATTEMPTS = 3

export function isBehind(status: QueueStatus | null): boolean {
  return status !== null && (status.pending >= BEHIND_CHUNKS || status.failures >= 2)
}

const IDLE: RecorderSnapshot = {
  phase: 'idle',
  activeId: null,
  processingId: null,
  queue: null,
  waiting: false,
  known: null,
}

export class RecordingController {
  private snapshot: RecorderSnapshot = IDLE
  private readonly listeners = new Set<() => void>()
  private engine: RecorderEngine | null = null
  private inputs: ControllerInputs = {
    sources: () => ({ screen: null, camera: null, stage: null, audio: [] }),
    title: () => '',
    onError: () => undefined,
  }
  private resumedOnce = false
  private lastRoomId: string | null = null
  private disposed = false

  private readonly deps: ControllerDeps

  constructor(deps: ControllerDeps) {
    this.deps = deps
  }

  configure(inputs: ControllerInputs): void {
    this.inputs = inputs
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): RecorderSnapshot => this.snapshot

  private set(patch: Partial<RecorderSnapshot>): void {
    if (this.disposed) return
    this.snapshot = { ...this.snapshot, ...patch }
    for (const listener of this.listeners) listener()
  }

  private toProcessing(recordingId: string): void {
    this.engine = null
    this.deps.memory.setTabRecording(this.deps.sessionId, null)
    this.deps.memory.forget(recordingId)
    this.set({
      phase: 'processing',
      activeId: null,
      processingId: recordingId,
      queue: null,
      waiting: false,
      known: null,
    })
  }

  private begin(recording: RunningRecording, part: number): void {
    const { sessionId, memory } = this.deps
    const engine = this.deps.createRecorder({
      part,
      sources: () => this.inputs.sources(),
      title: () => this.inputs.title(),
      upload: (chunk) => this.deps.uploadChunk(sessionId, recording.id, chunk),
      onQueue: (queue) => {
        if (this.engine === engine) this.set({ queue })
      },
      onStoppedElsewhere: () => {
        if (this.engine === engine) this.toProcessing(recording.id)
      },
      onFailure: (error) => {
        if (this.engine !== engine) return
        this.engine = null
        this.set({ phase: 'idle', activeId: null, queue: null, waiting: false })
        this.inputs.onError(error, 'record')
      },
      onWaiting: (waiting) => {
        if (this.engine === engine && waiting !== this.snapshot.waiting) this.set({ waiting })
      },
    })
    memory.usePart(recording.id, part)
    memory.setTabRecording(sessionId, recording.id)
    this.engine = engine
    this.set({
      phase: 'recording',
      activeId: recording.id,
      processingId: null,
      known: recording,
      queue: null,
      waiting: false,
    })
    engine.start()
  }

  private resumePart(recording: RunningRecording): number {
    return partAfterResume({
      lastPart: this.deps.memory.lastPart(recording.id),
      startedAt: recording.started_at,
      now: (this.deps.now ?? Date.now)(),
    })
  }

  /** Starts recording, or continues the class's running recording from this tab (409 `already_recording`). */
  async start(): Promise<void> {
    if (this.engine || this.snapshot.phase === 'starting') return
    this.set({ phase: 'starting' })
    try {
      const { recording, resumed } = await this.deps.startRecording(this.deps.sessionId)
      if (this.disposed) return
      const running: RunningRecording = { id: recording.id, started_at: recording.started_at }
      this.begin(running, resumed ? this.resumePart(running) : FIRST_PART)
    } catch (error) {
      this.set({ phase: 'idle' })
      this.inputs.onError(error, 'start')
    }
  }

  /**
   * Stops: the last chunks are uploaded first, then the server is told. Also stops a recording made in
   * another window (`runningId`).
   */
  async stop(runningId: string | null): Promise<void> {
    const recordingId = this.snapshot.activeId ?? runningId
    if (!recordingId || this.snapshot.phase === 'stopping') return
    const engine = this.engine
    this.set({ phase: 'stopping' })
    if (engine) await engine.finish()
    this.engine = null
    const pause = this.deps.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.deps.stopRecording(this.deps.sessionId, recordingId)
        this.toProcessing(recordingId)
        return
      } catch (error) {
        if (attempt >= STOP_ATTEMPTS) {
          this.set({ phase: 'idle', activeId: null, queue: null, waiting: false })
          this.inputs.onError(error, 'stop')
          return
        }
        await pause(1000 * attempt)
      }
    }
  }

  /**
   * Follows the class's running recording: a tab reloaded while it recorded carries on by itself as a new
   * part; a recording this tab makes that the room says has stopped (another window, or the class ended)
   * is let go of.
   */
  follow(running: RunningRecording | null, canRecord: boolean): void {
    const previous = this.lastRoomId
    this.lastRoomId = running?.id ?? null
    if (previous && previous === this.snapshot.activeId && running?.id !== previous && this.engine) {
      this.engine.abandon()
      this.toProcessing(previous)
      return
    }
    if (this.resumedOnce || !canRecord || this.engine || !running || this.snapshot.phase !== 'idle') return
    if (this.deps.memory.tabRecording(this.deps.sessionId) !== running.id) return
    this.resumedOnce = true
    this.begin(running, this.resumePart(running))
  }

  /** "Continue recording": the click lets the page's audio play, and recording goes on. */
  resumeAudio(): void {
    this.engine?.resumeAudio?.()
  }

  dismiss(): void {
    this.set({ phase: 'idle', processingId: null })
  }

  /** Leaving the room: the camera canvas and audio are let go; the tab's note stays, so coming back resumes. */
  dispose(): void {
    this.engine?.abandon()
    this.engine = null
    this.disposed = true
    this.listeners.clear()
  }
}
