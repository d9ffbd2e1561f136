import type { RoomState } from '../utils/room-state'

/** What the recorder needs to know of a class's running recording. */
export interface RunningRecording {
  id: string
  started_at: string | null
}

/**
 * The class's running recording as the room tells it (`state.recording`, from the welcome's `media.recording`
 * and the `recording.*` events), or null. The room keeps the latest recording after it stops (processing,
 * ready), which is not running.
 */
export function recordingInRoom(state: RoomState): RunningRecording | null {
  const recording = state.recording
  if (!recording || recording.status !== 'recording') return null
  return { id: recording.id, started_at: recording.started_at }
}
