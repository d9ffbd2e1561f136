import type { RoomState } from '../utils/room-state'

/** What the recorder needs to know of a class's running recording. */
export interface RunningRecording {
  id: string
  started_at: string | null
}

function isRunning(value: unknown): value is { id: string; started_at?: unknown; status?: unknown } {
  if (typeof value !== 'object' || value === null || !('id' in value)) return false
  if (typeof value.id !== 'string') return false
  const status = (value as { status?: unknown }).status
  return status === undefined || status === 'recording'
}

/**
 * The class's running recording as the room tells it (`state.recording`, from the welcome's
 * `media.recording` and the `recording.*` events): null when none runs, undefined when the room state does
 * not carry it.
 */
export function recordingInRoom(state: RoomState): RunningRecording | null | undefined {
  if (!('recording' in state)) return undefined
  const value: unknown = (state as { recording?: unknown }).recording
  if (value === undefined) return undefined
  if (!isRunning(value)) return null
  return { id: value.id, started_at: typeof value.started_at === 'string' ? value.started_at : null }
}
