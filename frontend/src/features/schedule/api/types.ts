import type { components, paths } from '@/api/schema'

type Schemas = components['schemas']

/** A scheduled live class as the caller sees it (`GET /sessions`, `/sessions/{id}`). */
export type LiveClass = Schemas['Session']
export type LiveClassStatus = LiveClass['status']
export type LiveClassViewer = LiveClass['viewer']
export type EntryRefusal = NonNullable<LiveClassViewer['entry_refusal']>
export type JoinPolicy = Schemas['JoinPolicyEnum']
export type LiveClassPage = Schemas['PaginatedSessionList']
export type LiveClassFilters = NonNullable<paths['/api/v1/sessions']['get']['parameters']['query']>

export type ScheduleBody = Schemas['SessionInputRequest']
export type RecurrenceBody = Schemas['RecurrenceInputRequest']
export type LiveClassUpdateBody = Schemas['PatchedSessionUpdateInputRequest']

export type AttendanceRow = Schemas['AttendanceRow']
export type AttendanceStatus = AttendanceRow['status']
export type CalendarLink = Schemas['CalendarLink']

/** A course the caller teaches, as `GET /teaching/courses` lists it. */
export type TaughtCourse = Schemas['CourseCard']

/** `GET /sessions/{id}/recap`: what the class said, asked, voted and drew, as this viewer may read it. */
export type Recap = Schemas['Recap']
export type RecapRoom = Schemas['RecapRoom']
export type RecapMessage = Schemas['RecapMessage']
export type RecapPoll = Schemas['RecapPoll']
export type RecapQuestion = Schemas['RecapQuestion']
export type RecapBoard = Schemas['Board']
export type BoardPage = Schemas['BoardPage']
/** `GET /sessions/{id}/board/pages/{page_id}`: a page's live elements, in drawing order. */
export type BoardScene = Schemas['BoardScene']
export type BoardElement = BoardScene['elements'][number]
