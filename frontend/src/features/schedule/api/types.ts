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
