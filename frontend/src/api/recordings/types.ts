import type { components } from '../schema'

type Schemas = components['schemas']

/** A class recording (docs/classroom.md, "Recording"); the four URLs are short-lived signed links. */
export type Recording = Schemas['Recording']
export type RecordingStatus = Recording['status']

/** `POST /recordings/{rid}/lesson`. */
export type RecordingLessonBody = Schemas['RecordingLessonInputRequest']
