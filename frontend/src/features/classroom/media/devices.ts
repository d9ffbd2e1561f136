/**
 * Camera, microphone and speaker choices, remembered on this device, and what the browser's refusals mean.
 * Device ids are per site and stable across visits, so the same camera is picked next time.
 */

export interface DevicePrefs {
  audioInput: string | null
  videoInput: string | null
  audioOutput: string | null
  /** Join with the microphone on. */
  mic: boolean
  /** Join with the camera on. */
  camera: boolean
  /** Receive and send no camera video (a slow connection). */
  audioOnly: boolean
}

export const DEFAULT_PREFS: DevicePrefs = {
  audioInput: null,
  videoInput: null,
  audioOutput: null,
  mic: true,
  camera: true,
  audioOnly: false,
}

export const PREFS_KEY = 'ustad.media.devices'

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

export function parsePrefs(raw: string | null): DevicePrefs {
  if (!raw) return DEFAULT_PREFS
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return DEFAULT_PREFS
    const record = value as Record<string, unknown>
    const flag = (key: 'mic' | 'camera' | 'audioOnly') =>
      typeof record[key] === 'boolean' ? record[key] : DEFAULT_PREFS[key]
    return {
      audioInput: stringOrNull(record.audioInput),
      videoInput: stringOrNull(record.videoInput),
      audioOutput: stringOrNull(record.audioOutput),
      mic: flag('mic'),
      camera: flag('camera'),
      audioOnly: flag('audioOnly'),
    }
  } catch {
    return DEFAULT_PREFS
  }
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | null = safeStorage()): DevicePrefs {
  try {
    return parsePrefs(storage?.getItem(PREFS_KEY) ?? null)
  } catch {
    return DEFAULT_PREFS
  }
}

export function savePrefs(prefs: DevicePrefs, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(prefs))
  } catch {
    // Storage may be full or blocked; the choice still holds for this visit.
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** Video at a size a class needs (720p at most, 24 fps): a mesh sends one copy per person. */
export function videoConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    width: { ideal: 1280, max: 1280 },
    height: { ideal: 720, max: 720 },
    frameRate: { ideal: 24, max: 30 },
  }
}

export function audioConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  }
}

/** Why a camera or microphone could not be opened, in the words the screen uses. */
export type DeviceProblem = 'denied' | 'missing' | 'busy' | 'insecure' | 'unsupported' | 'failed'

export function deviceProblem(error: unknown): DeviceProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : ''
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied'
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'missing'
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy'
    default:
      return 'failed'
  }
}

export interface DeviceOption {
  deviceId: string
  label: string
}

export interface DeviceLists {
  audioInput: DeviceOption[]
  videoInput: DeviceOption[]
  audioOutput: DeviceOption[]
}

/**
 * The browser's devices by kind. Labels are empty until the site has permission; those get a numbered
 * name (`fallback(kind, n)`), and the `default` / `communications` aliases Chrome adds are kept only once.
 */
export function groupDevices(
  devices: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[],
  fallback: (kind: MediaDeviceKind, index: number) => string,
): DeviceLists {
  const lists: DeviceLists = { audioInput: [], videoInput: [], audioOutput: [] }
  const key = { audioinput: 'audioInput', videoinput: 'videoInput', audiooutput: 'audioOutput' } as const
  for (const device of devices) {
    if (!device.deviceId || device.deviceId === 'communications') continue
    const list = lists[key[device.kind]]
    if (list.some((option) => option.deviceId === device.deviceId)) continue
    list.push({ deviceId: device.deviceId, label: device.label || fallback(device.kind, list.length + 1) })
  }
  return lists
}

/** The remembered device when it is still there, else the browser's default (null). */
export function chosenDevice(options: readonly DeviceOption[], remembered: string | null): string | null {
  return remembered !== null && options.some((option) => option.deviceId === remembered) ? remembered : null
}

export type ProblemSummary = 'unsupported' | 'denied' | 'noDevices' | 'busy' | 'noCamera' | 'noMicrophone' | 'failed'

/** The one thing to tell the person about their devices (the most useful first), or null when all is well. */
export function problemSummary(audio: DeviceProblem | null, video: DeviceProblem | null): ProblemSummary | null {
  const either = (problem: DeviceProblem) => audio === problem || video === problem
  if (either('unsupported')) return 'unsupported'
  if (either('denied')) return 'denied'
  if (audio === 'missing' && video === 'missing') return 'noDevices'
  if (either('busy')) return 'busy'
  if (video === 'missing') return 'noCamera'
  if (audio === 'missing') return 'noMicrophone'
  if (either('failed')) return 'failed'
  return null
}
