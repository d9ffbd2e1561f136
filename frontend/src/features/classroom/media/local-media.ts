/**
 * This browser's own camera, microphone and shared screen: opening and closing them, switching devices, and
 * the microphone's level (Web Audio `AnalyserNode`) for the meter and for speaker detection. No React:
 * the room's media provider owns one and re-renders from its snapshots.
 */
import { audioConstraints, deviceProblem, videoConstraints, type DeviceProblem } from './devices'

/** What is needed of `navigator.mediaDevices`; null where the browser has none (an insecure page, tests). */
export type MediaDevicesLike = Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'> &
  Partial<Pick<MediaDevices, 'getDisplayMedia' | 'addEventListener' | 'removeEventListener'>>

export interface LocalSnapshot {
  audio: MediaStreamTrack | null
  camera: MediaStreamTrack | null
  screen: MediaStreamTrack | null
  /** Microphone and camera together (the preview and the recorder use it); null with neither. */
  stream: MediaStream | null
  screenStream: MediaStream | null
  micOn: boolean
  /** Why the microphone or camera could not be opened last time. */
  audioProblem: DeviceProblem | null
  videoProblem: DeviceProblem | null
  /** A device is being opened. */
  busy: boolean
}

const EMPTY: LocalSnapshot = {
  audio: null,
  camera: null,
  screen: null,
  stream: null,
  screenStream: null,
  micOn: false,
  audioProblem: null,
  videoProblem: null,
  busy: false,
}

export function browserMediaDevices(): MediaDevicesLike | null {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null
  return navigator.mediaDevices
}

export class LocalMedia {
  private snapshot: LocalSnapshot
  private listeners = new Set<() => void>()
  private audioContext: AudioContext | null = null
  private analyser: AnalyserNode | null = null
  private source: MediaStreamAudioSourceNode | null = null
  private samples: Float32Array<ArrayBuffer> | null = null
  private disposed = false

  private readonly devices: MediaDevicesLike | null

  constructor(devices: MediaDevicesLike | null) {
    this.devices = devices
    this.snapshot = { ...EMPTY, audioProblem: devices ? null : 'unsupported', videoProblem: devices ? null : 'unsupported' }
  }

  get supported(): boolean {
    return this.devices !== null
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): LocalSnapshot => this.snapshot

  private update(change: Partial<LocalSnapshot>): void {
    const next = { ...this.snapshot, ...change }
    const tracks = [next.audio, next.camera].filter((track): track is MediaStreamTrack => track !== null)
    const tracksChanged = change.audio !== undefined || change.camera !== undefined
    if (tracksChanged) next.stream = tracks.length > 0 ? new MediaStream(tracks) : null
    if (change.screen !== undefined) next.screenStream = next.screen ? new MediaStream([next.screen]) : null
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }

  /**
   * Opens the microphone and camera asked for, in one request when both are (one permission prompt), then
   * one by one when that fails for a reason other than a refusal (one of them missing or busy).
   */
  async open(request: {
    mic: boolean
    camera: boolean
    audioInput: string | null
    videoInput: string | null
    micOn: boolean
  }): Promise<void> {
    if (!this.devices) return
    if (request.mic && request.camera && !this.snapshot.audio && !this.snapshot.camera) {
      this.update({ busy: true })
      try {
        const stream = await this.devices.getUserMedia({
          audio: audioConstraints(request.audioInput),
          video: videoConstraints(request.videoInput),
        })
        const audio = stream.getAudioTracks()[0] ?? null
        const camera = stream.getVideoTracks()[0] ?? null
        if (this.disposed) {
          stream.getTracks().forEach((track) => track.stop())
          return
        }
        if (audio) audio.enabled = request.micOn
        if (camera) camera.contentHint = 'motion'
        this.update({
          audio,
          camera,
          micOn: audio !== null && request.micOn,
          audioProblem: audio ? null : 'missing',
          videoProblem: camera ? null : 'missing',
          busy: false,
        })
        this.connectMeter()
        return
      } catch (error) {
        if (deviceProblem(error) === 'denied') {
          this.update({ audioProblem: 'denied', videoProblem: 'denied', busy: false })
          return
        }
      }
    }
    if (request.mic && !this.snapshot.audio) await this.openMic(request.audioInput, request.micOn)
    if (request.camera && !this.snapshot.camera) await this.openCamera(request.videoInput)
    if (this.snapshot.busy) this.update({ busy: false })
  }

  /** Opens the microphone (or switches it to `deviceId`); returns whether one is open now. */
  async openMic(deviceId: string | null, enabled = true): Promise<boolean> {
    if (!this.devices) return false
    this.update({ busy: true })
    try {
      const stream = await this.devices.getUserMedia({ audio: audioConstraints(deviceId) })
      const track = stream.getAudioTracks()[0] ?? null
      if (this.disposed) {
        track?.stop()
        return false
      }
      this.snapshot.audio?.stop()
      if (track) track.enabled = enabled
      this.update({ audio: track, micOn: track !== null && enabled, audioProblem: track ? null : 'missing', busy: false })
      this.connectMeter()
      return track !== null
    } catch (error) {
      // A remembered device that is gone: the default one will do.
      if (deviceId && deviceProblem(error) === 'missing') return this.openMic(null, enabled)
      this.update({ audioProblem: deviceProblem(error), busy: false })
      return false
    }
  }

  /** Opens the camera (or switches it to `deviceId`); returns whether one is open now. */
  async openCamera(deviceId: string | null): Promise<boolean> {
    if (!this.devices) return false
    this.update({ busy: true })
    try {
      const stream = await this.devices.getUserMedia({ video: videoConstraints(deviceId) })
      const track = stream.getVideoTracks()[0] ?? null
      if (this.disposed) {
        track?.stop()
        return false
      }
      if (track) track.contentHint = 'motion'
      this.snapshot.camera?.stop()
      this.update({ camera: track, videoProblem: track ? null : 'missing', busy: false })
      return track !== null
    } catch (error) {
      if (deviceId && deviceProblem(error) === 'missing') return this.openCamera(null)
      this.update({ videoProblem: deviceProblem(error), busy: false })
      return false
    }
  }

  /** Turns the camera off and lets the device go (its light goes out). */
  closeCamera(): void {
    if (!this.snapshot.camera) return
    this.snapshot.camera.stop()
    this.update({ camera: null })
  }

  /** Mutes or unmutes the open microphone (the track stays, so unmuting is instant). */
  setMicOn(on: boolean): void {
    const track = this.snapshot.audio
    if (!track) {
      if (this.snapshot.micOn) this.update({ micOn: false })
      return
    }
    track.enabled = on
    this.update({ micOn: on })
  }

  closeMic(): void {
    this.disconnectMeter()
    this.snapshot.audio?.stop()
    this.update({ audio: null, micOn: false })
  }

  get canShareScreen(): boolean {
    return typeof this.devices?.getDisplayMedia === 'function'
  }

  /** Asks the browser for a screen, window or tab; resolves false when the person cancels. */
  async shareScreen(onEnded: () => void): Promise<boolean> {
    if (!this.devices?.getDisplayMedia) return false
    try {
      const stream = await this.devices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false })
      const track = stream.getVideoTracks()[0] ?? null
      if (!track || this.disposed) {
        track?.stop()
        return false
      }
      track.contentHint = 'detail'
      // The browser's own "Stop sharing" button ends the track.
      track.addEventListener('ended', () => {
        if (this.snapshot.screen === track) {
          this.update({ screen: null })
          onEnded()
        }
      })
      this.snapshot.screen?.stop()
      this.update({ screen: track })
      return true
    } catch {
      return false
    }
  }

  stopScreen(): void {
    if (!this.snapshot.screen) return
    this.snapshot.screen.stop()
    this.update({ screen: null })
  }

  async listDevices(): Promise<MediaDeviceInfo[]> {
    if (!this.devices) return []
    try {
      return await this.devices.enumerateDevices()
    } catch {
      return []
    }
  }

  /** Lets the audio graph run after a click (browsers hold it until the person interacts). */
  resumeAudio(): void {
    if (this.audioContext?.state === 'suspended') void this.audioContext.resume().catch(() => undefined)
  }

  /** The microphone's loudness now, 0–1 (RMS of the last few milliseconds); 0 when muted or closed. */
  level(): number {
    if (!this.analyser || !this.samples || !this.snapshot.micOn) return 0
    this.analyser.getFloatTimeDomainData(this.samples)
    let sum = 0
    for (const sample of this.samples) sum += sample * sample
    // Speech sits around 0.02–0.2 RMS; scale so a normal voice fills most of the meter.
    return Math.min(1, Math.sqrt(sum / this.samples.length) * 4)
  }

  private connectMeter(): void {
    this.disconnectMeter()
    const track = this.snapshot.audio
    if (!track || typeof AudioContext === 'undefined') return
    try {
      this.audioContext ??= new AudioContext()
      this.analyser ??= this.audioContext.createAnalyser()
      this.analyser.fftSize = 512
      this.samples = new Float32Array(new ArrayBuffer(this.analyser.fftSize * 4))
      this.source = this.audioContext.createMediaStreamSource(new MediaStream([track]))
      this.source.connect(this.analyser)
      this.resumeAudio()
    } catch {
      this.analyser = null
    }
  }

  private disconnectMeter(): void {
    this.source?.disconnect()
    this.source = null
  }

  /** Stops every device and the audio graph; devices that were still opening are let go as they arrive. */
  dispose(): void {
    this.disposed = true
    this.disconnectMeter()
    for (const track of [this.snapshot.audio, this.snapshot.camera, this.snapshot.screen]) track?.stop()
    void this.audioContext?.close().catch(() => undefined)
    this.audioContext = null
    this.analyser = null
    this.update({ ...EMPTY, audioProblem: this.snapshot.audioProblem, videoProblem: this.snapshot.videoProblem })
  }

  /** In use again after `dispose` (React's development mode mounts effects twice). */
  revive(): void {
    this.disposed = false
  }
}
