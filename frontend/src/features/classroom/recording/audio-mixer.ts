/**
 * Mixes the class's audio (this browser's microphone and every peer's voice) into one track with the Web
 * Audio API: each track is a `MediaStreamAudioSourceNode` feeding one `MediaStreamAudioDestinationNode`.
 */
export class AudioMixer {
  readonly context: AudioContext
  private readonly destination: MediaStreamAudioDestinationNode
  private readonly sources = new Map<string, MediaStreamAudioSourceNode>()

  constructor() {
    this.context = new AudioContext()
    this.destination = this.context.createMediaStreamDestination()
  }

  /** The mixed track MediaRecorder records. */
  get track(): MediaStreamTrack | null {
    return this.destination.stream.getAudioTracks()[0] ?? null
  }

  /** Connects tracks not heard yet and lets go of those that left or ended. */
  sync(tracks: readonly MediaStreamTrack[]): void {
    const wanted = new Set(tracks.filter((track) => track.readyState === 'live').map((track) => track.id))
    for (const [id, node] of this.sources) {
      if (wanted.has(id)) continue
      node.disconnect()
      this.sources.delete(id)
    }
    for (const track of tracks) {
      if (!wanted.has(track.id) || this.sources.has(track.id)) continue
      try {
        const node = this.context.createMediaStreamSource(new MediaStream([track]))
        node.connect(this.destination)
        this.sources.set(track.id, node)
      } catch {
        // A track that cannot be heard (closed already) is left out.
      }
    }
  }

  /** A context made without a click starts suspended; any later click in the page lets it play. */
  resume(): void {
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined)
  }

  close(): void {
    for (const node of this.sources.values()) node.disconnect()
    this.sources.clear()
    void this.context.close().catch(() => undefined)
  }
}
