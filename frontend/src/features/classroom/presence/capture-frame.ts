/** One small picture from the camera, as the face check sends it. */

/** Frames are at most this wide (the server takes up to 1280×1280 and 512 KB). */
export const FRAME_MAX_WIDTH = 320
const JPEG_QUALITY = 0.8
const FRAME_WAIT_MS = 5000

/** The frame's size: the camera's, scaled down to at most 320 pixels wide. */
export function frameSize(width: number, height: number, maxWidth = FRAME_MAX_WIDTH): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 }
  const scale = Math.min(1, maxWidth / width)
  return { width: Math.round(width * scale), height: Math.round(height * scale) }
}

function hasLiveVideo(stream: MediaStream | null): stream is MediaStream {
  return !!stream && stream.getVideoTracks().some((track) => track.readyState === 'live' && track.enabled)
}

/** Plays `stream` in a hidden video until it has a frame, draws that frame small and encodes it as JPEG. */
async function grab(stream: MediaStream): Promise<Blob | null> {
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  video.srcObject = stream
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('No camera frame')), FRAME_WAIT_MS)
      video.addEventListener(
        'loadeddata',
        () => {
          clearTimeout(timer)
          resolve()
        },
        { once: true },
      )
      void video.play().catch(() => undefined)
    })
    const { width, height } = frameSize(video.videoWidth, video.videoHeight)
    if (width === 0) return null
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')
    if (!context) return null
    context.drawImage(video, 0, 0, width, height)
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
  } finally {
    video.pause()
    video.srcObject = null
  }
}

/**
 * A frame from the camera the room already shows when it is on; otherwise the camera is opened just for the
 * picture and closed again at once. Null when there is no camera or no permission.
 */
export async function captureFrame(localStream: MediaStream | null): Promise<Blob | null> {
  if (hasLiveVideo(localStream)) return grab(localStream)
  if (!navigator.mediaDevices?.getUserMedia) return null
  let stream: MediaStream | null = null
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: FRAME_MAX_WIDTH }, height: { ideal: 240 } },
      audio: false,
    })
    return await grab(stream)
  } catch {
    return null
  } finally {
    for (const track of stream?.getTracks() ?? []) track.stop()
  }
}
