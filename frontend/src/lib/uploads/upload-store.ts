/**
 * Remembers unfinished uploads in localStorage so that picking the same file
 * again, even after a reload, continues where the last attempt stopped. Only
 * the upload id and the file's identity are kept (no file contents, no tokens).
 */
export interface StoredUpload {
  upload_id: string
  name: string
  size: number
  lastModified: number
  expires_at: string | null
}

const PREFIX = 'ustad.upload:'

/** A file's identity: same name, size and modification time means the same file. */
export function uploadKey(file: Pick<File, 'name' | 'size' | 'lastModified'>, kind: string): string {
  return `${PREFIX}${kind}:${file.size}:${file.lastModified}:${file.name}`
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function isStoredUpload(value: unknown): value is StoredUpload {
  return (
    typeof value === 'object' &&
    value !== null &&
    'upload_id' in value &&
    typeof value.upload_id === 'string' &&
    'size' in value &&
    typeof value.size === 'number'
  )
}

export function recallUpload(key: string, now: number = Date.now()): StoredUpload | null {
  const raw = storage()?.getItem(key)
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (!isStoredUpload(value)) throw new Error('bad entry')
    if (value.expires_at && Date.parse(value.expires_at) <= now) throw new Error('expired')
    return value
  } catch {
    forgetUpload(key)
    return null
  }
}

export function rememberUpload(key: string, value: StoredUpload): void {
  try {
    storage()?.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or unavailable: the upload still works, it just can't resume after a reload.
  }
}

export function forgetUpload(key: string): void {
  try {
    storage()?.removeItem(key)
  } catch {
    // Nothing to do.
  }
}
