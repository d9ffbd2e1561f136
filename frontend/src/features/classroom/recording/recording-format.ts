/** The WebM flavours MediaRecorder may write, best first (the server takes WebM only). */
export const MIME_CANDIDATES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'] as const

export function pickMimeType(isTypeSupported: (type: string) => boolean): string | null {
  for (const type of MIME_CANDIDATES) {
    try {
      if (isTypeSupported(type)) return type
    } catch {
      // Some browsers throw for codecs they do not know.
    }
  }
  return null
}

/** The chunk MediaRecorder hands over every so often; each is uploaded on its own. */
export const TIMESLICE_MS = 4000
/** Frames drawn per second (fewer in a background tab, where timers slow down). */
export const FRAME_RATE = 20
export const VIDEO_BITS_PER_SECOND = 1_500_000
export const AUDIO_BITS_PER_SECOND = 96_000

/** Whether this browser can record at all: MediaRecorder in WebM, a canvas stream and Web Audio. */
export function recordingSupported(): boolean {
  if (typeof window === 'undefined' || typeof MediaRecorder === 'undefined') return false
  if (typeof AudioContext === 'undefined') return false
  if (typeof HTMLCanvasElement === 'undefined' || !('captureStream' in HTMLCanvasElement.prototype)) return false
  return pickMimeType((type) => MediaRecorder.isTypeSupported(type)) !== null
}
