/**
 * The stored side of the room's media: who may share their screen and the class's recording. The media
 * itself (who sends what, the connections) lives in the browsers and bypasses the reducer (see
 * `media/media-channel`); only what the numbered events change is here.
 */
import type { StoredEvent, WelcomeFrame } from './protocol'
import type { RoomState } from './room-state'

export function mediaFromWelcome(state: RoomState, frame: WelcomeFrame): RoomState {
  return {
    ...state,
    screenAllowed: frame.media ? [...new Set(frame.media.screen_allowed)] : null,
    recording: frame.media?.recording ?? null,
  }
}

export function applyMediaEvent(state: RoomState, event: StoredEvent): RoomState {
  switch (event.type) {
    case 'media.screen_permitted': {
      const others = (state.screenAllowed ?? []).filter((id) => id !== event.user_id)
      const screenAllowed = event.allowed ? [...others, event.user_id] : others
      return { ...state, screenAllowed }
    }
    case 'recording.started':
      return { ...state, recording: event.recording }
    case 'recording.stopped': {
      const recording = state.recording
      if (!recording || recording.id !== event.recording_id || recording.status !== 'recording') return state
      return { ...state, recording: { ...recording, status: 'processing', stopped_at: recording.stopped_at ?? event.at } }
    }
    case 'recording.ready': {
      const recording = state.recording
      if (!recording || recording.id !== event.recording_id) return state
      return {
        ...state,
        recording: { ...recording, status: event.status, progress: event.status === 'ready' ? 100 : recording.progress },
      }
    }
    default:
      return state
  }
}

/**
 * Whether this person may share their screen now: tutors always; students whom the tutor allowed. Before
 * the room has said who is allowed (a server without media in its welcome), the media settings' answer
 * (`screen_share`) stands.
 */
export function canShareScreen(state: RoomState, settingsAllow: boolean): boolean {
  const me = state.me
  if (!me) return false
  if (me.tutor) return true
  return state.screenAllowed ? state.screenAllowed.includes(me.userId) : settingsAllow
}
