import { describe, expect, it } from 'vitest'

import { buildPerson, buildTutorPerson, buildWelcome, roomEvent, STUDENT_ID, TUTOR_ID } from '@/testing/classroom-factories'

import { canShareScreen } from './media-state'
import type { Recording } from './protocol'
import { initialRoomState, roomReducer, type RoomInput, type RoomState } from './room-state'

function run(frames: RoomInput[], state: RoomState = initialRoomState): RoomState {
  return frames.reduce(roomReducer, state)
}

function recording(overrides: Partial<Recording> = {}): Recording {
  return {
    id: 'rec-1',
    session_id: 'class-1',
    course: null,
    title: 'Algebra revision',
    status: 'recording',
    started_at: '2026-03-02T10:05:00Z',
    stopped_at: null,
    duration_seconds: null,
    progress: 0,
    error: '',
    size: null,
    lesson_id: null,
    video_url: null,
    audio_url: null,
    thumbnail_url: null,
    download_url: null,
    ...overrides,
  }
}

const bilal = buildPerson({ name: 'Bilal' })
const me = buildPerson({ user_id: STUDENT_ID, name: 'Ayesha Khan' })
const people = [buildTutorPerson(), me, bilal]

describe('media in the room state', () => {
  it('takes who may share and the running recording from the welcome', () => {
    const running = recording()
    const state = run([
      buildWelcome({ participants: people, media: { screen_allowed: [bilal.user_id, bilal.user_id], recording: running } }),
    ])
    expect(state.screenAllowed).toEqual([bilal.user_id])
    expect(state.recording).toEqual(running)
  })

  it('knows nothing about screen sharing from a server without media', () => {
    const state = run([buildWelcome({ participants: people })])
    expect(state.screenAllowed).toBeNull()
    expect(state.recording).toBeNull()
    // The media settings' answer stands until the room says.
    expect(canShareScreen(state, true)).toBe(true)
    expect(canShareScreen(state, false)).toBe(false)
  })

  it('follows the tutor allowing and stopping screen sharing, once per event', () => {
    const state = run([
      buildWelcome({ participants: people, last_seq: 10, media: { screen_allowed: [], recording: null } }),
      roomEvent(11, { type: 'media.screen_permitted', user_id: STUDENT_ID, allowed: true }),
      roomEvent(12, { type: 'media.screen_permitted', user_id: bilal.user_id, allowed: true }),
      roomEvent(12, { type: 'media.screen_permitted', user_id: bilal.user_id, allowed: true }),
    ])
    expect(state.screenAllowed).toEqual([STUDENT_ID, bilal.user_id])
    expect(canShareScreen(state, false)).toBe(true)

    const stopped = run([roomEvent(13, { type: 'media.screen_permitted', user_id: STUDENT_ID, allowed: false })], state)
    expect(stopped.screenAllowed).toEqual([bilal.user_id])
    // A tutor's "may share" never depends on the list; a student's never on the settings once the room said.
    expect(canShareScreen(stopped, true)).toBe(false)
    const tutor = run([buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, participants: people, media: { screen_allowed: [], recording: null } })])
    expect(canShareScreen(tutor, false)).toBe(true)
  })

  it('follows a recording from start to ready, ignoring another recording’s news', () => {
    const started = run([
      buildWelcome({ participants: people, last_seq: 10, media: { screen_allowed: [], recording: null } }),
      roomEvent(11, { type: 'recording.started', recording: recording() }),
    ])
    expect(started.recording?.status).toBe('recording')

    const stopped = run(
      [
        roomEvent(12, { type: 'recording.stopped', recording_id: 'other' }),
        roomEvent(13, { type: 'recording.stopped', recording_id: 'rec-1', at: '2026-03-02T10:40:00Z' }),
      ],
      started,
    )
    expect(stopped.recording).toMatchObject({ id: 'rec-1', status: 'processing', stopped_at: '2026-03-02T10:40:00Z' })

    const ready = run([roomEvent(14, { type: 'recording.ready', recording_id: 'rec-1', status: 'ready' })], stopped)
    expect(ready.recording).toMatchObject({ status: 'ready', progress: 100 })
    // A late "stopped" (a replay) does not take a finished recording back to processing.
    expect(run([roomEvent(15, { type: 'recording.stopped', recording_id: 'rec-1' })], ready).recording?.status).toBe('ready')

    const failed = run([roomEvent(14, { type: 'recording.ready', recording_id: 'rec-1', status: 'failed' })], stopped)
    expect(failed.recording).toMatchObject({ status: 'failed', progress: 0 })
  })

  it('notes the mutes that reach this person, and clears a mute when their microphone comes back on', () => {
    const state = run([
      buildWelcome({ participants: people, last_seq: 10 }),
      roomEvent(11, { type: 'participant.muted', user_id: bilal.user_id }),
    ])
    expect(state.mutedAtSeq).toBe(0)
    expect(state.participants.find((p) => p.user_id === bilal.user_id)?.muted).toBe(true)

    const mine = run([roomEvent(12, { type: 'participant.muted', user_id: STUDENT_ID })], state)
    expect(mine.mutedAtSeq).toBe(12)
    const everyone = run([roomEvent(13, { type: 'participant.muted', user_id: null })], mine)
    expect(everyone.mutedAtSeq).toBe(13)

    const back = run([{ type: 'media.audio_on', user_id: bilal.user_id }], everyone)
    expect(back.participants.find((p) => p.user_id === bilal.user_id)?.muted).toBe(false)
    // Nothing to clear: the same state comes back, so nothing re-renders.
    expect(roomReducer(back, { type: 'media.audio_on', user_id: bilal.user_id })).toBe(back)
  })

  it('never mutes a tutor with "mute everyone"', () => {
    const tutor = run([
      buildWelcome({ you: { user_id: TUTOR_ID, tutor: true }, participants: people, last_seq: 10 }),
      roomEvent(11, { type: 'participant.muted', user_id: null }),
    ])
    expect(tutor.mutedAtSeq).toBe(0)
  })
})
