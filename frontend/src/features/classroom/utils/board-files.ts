/**
 * Images on the board: Excalidraw keeps them as data URLs under a file id; the server keeps the bytes under
 * the same id (PNG, JPEG, WebP or GIF, at most 4 MB).
 */

export const BOARD_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export type BoardImageType = (typeof BOARD_IMAGE_TYPES)[number]
export const BOARD_IMAGE_MAX_BYTES = 4 * 1024 * 1024

/** 1–64 of `A-Za-z0-9_-`, as the server takes them. */
const FILE_ID = /^[A-Za-z0-9_-]{1,64}$/

export function isBoardFileId(value: string): boolean {
  return FILE_ID.test(value)
}

export function isBoardImageType(type: string): type is BoardImageType {
  return (BOARD_IMAGE_TYPES as readonly string[]).includes(type)
}

/** Why an image cannot go on the board, or null when it can. */
export function boardImageProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!isBoardImageType(file.type)) return 'type'
  if (file.size > BOARD_IMAGE_MAX_BYTES) return 'size'
  return null
}

/**
 * The bytes of a `data:` URL. Decoded here rather than with `fetch`, which the site's content security
 * policy does not allow for `data:` URLs.
 */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',')
  if (!dataUrl.startsWith('data:') || comma === -1) throw new Error('Not a data URL')
  const header = dataUrl.slice(5, comma)
  const body = dataUrl.slice(comma + 1)
  const parts = header.split(';')
  const type = parts[0] || 'application/octet-stream'
  if (!parts.includes('base64')) return new Blob([decodeURIComponent(body)], { type })
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type })
}

/** A blob as a base64 `data:` URL (what Excalidraw keeps images as). */
export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  // In slices: spreading megabytes of arguments at once overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * A file id for an image, like Excalidraw's own: the SHA-1 of its bytes, so the same picture placed twice is
 * stored once. Without Web Crypto (a page not served over HTTPS) a random id does.
 */
export async function boardFileId(blob: Blob): Promise<string> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined
  if (subtle) {
    try {
      return hex(await subtle.digest('SHA-1', new Uint8Array(await blob.arrayBuffer())))
    } catch {
      // Fall through to a random id.
    }
  }
  const random = new Uint8Array(20)
  globalThis.crypto.getRandomValues(random)
  return hex(random.buffer)
}

/** The natural size of an image, to place it on the board without distortion. */
export function imageSize(dataUrl: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight })
    image.onerror = () => reject(new Error('Not an image'))
    image.src = dataUrl
  })
}

/** Fits `size` inside `box`, keeping its shape (never enlarging). */
export function fitInside(
  size: { width: number; height: number },
  box: { width: number; height: number },
): { width: number; height: number } {
  if (size.width <= 0 || size.height <= 0) return { width: box.width, height: box.height }
  const scale = Math.min(1, box.width / size.width, box.height / size.height)
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) }
}
