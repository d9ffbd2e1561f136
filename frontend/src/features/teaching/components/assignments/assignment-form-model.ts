import type { Assignment, AssignmentCreateBody, AssignmentUpdateBody, LatePolicy } from '@/api/types'

import { SUBMISSION_FILE_KINDS } from '@/lib/submission-kinds'

import { toZonedInput } from './due-date'

export type FileKind = NonNullable<AssignmentCreateBody['allowed_file_kinds']>[number]

export const FILE_KINDS: readonly FileKind[] = SUBMISSION_FILE_KINDS
export const LATE_POLICIES: readonly LatePolicy[] = ['accept', 'penalty', 'reject']

export interface CriterionValues {
  /** Stable slug (`c1`, `c2`…): grades are stored against it, so it never changes once saved. */
  id: string
  title: string
  points: string
}

export interface AssignmentFormValues {
  title: string
  instructions: string
  /** `YYYY-MM-DDTHH:MM` in the tutor's time zone, or empty for no deadline. */
  due: string
  points: string
  late_policy: LatePolicy
  penalty: string
  file_kinds: FileKind[]
  max_files: string
  rubric: CriterionValues[]
  is_published: boolean
  lesson_id: string
}

/** Keyed by form field; rubric rows as `rubric.<index>.title` / `rubric.<index>.points`. */
export type AssignmentFormErrors = Record<string, string>

export function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as readonly string[]).includes(value)
}

export function emptyAssignmentValues(): AssignmentFormValues {
  return {
    title: '',
    instructions: '',
    due: '',
    points: '100',
    late_policy: 'accept',
    penalty: '10',
    file_kinds: [],
    max_files: '1',
    rubric: [],
    is_published: false,
    lesson_id: '',
  }
}

export function assignmentValues(assignment: Assignment, timeZone: string): AssignmentFormValues {
  return {
    title: assignment.title,
    instructions: assignment.instructions,
    due: toZonedInput(assignment.due_at, timeZone),
    points: String(assignment.points),
    late_policy: assignment.late_policy,
    penalty: assignment.late_policy === 'penalty' ? String(assignment.late_penalty_percent) : '10',
    file_kinds: assignment.allowed_file_kinds.filter(isFileKind),
    max_files: String(assignment.max_files),
    rubric: assignment.rubric.map((criterion) => ({ ...criterion, points: String(criterion.points) })),
    is_published: assignment.is_published,
    lesson_id: assignment.lesson_id ?? '',
  }
}

/** `c` and one more than the highest number in use, so a removed criterion's id is not handed out again. */
export function nextCriterionId(rubric: readonly CriterionValues[]): string {
  const numbers = rubric.map((criterion) => Number(/^c(\d+)$/.exec(criterion.id)?.[1] ?? 0))
  return `c${Math.max(0, ...numbers) + 1}`
}

/** A whole number in `[min, max]`, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const value = Number(text.trim())
  return value >= min && value <= max ? value : null
}

export function rubricTotal(rubric: readonly CriterionValues[]): number {
  return rubric.reduce((sum, criterion) => sum + (wholeNumber(criterion.points, 1, 1000) ?? 0), 0)
}

export interface AssignmentMessages {
  titleRequired: string
  points: string
  penalty: string
  maxFiles: string
  criterionTitle: string
  criterionPoints: string
  rubricTotal: (total: number, points: number) => string
}

export function validateAssignment(values: AssignmentFormValues, messages: AssignmentMessages): AssignmentFormErrors {
  const errors: AssignmentFormErrors = {}
  if (!values.title.trim()) errors.title = messages.titleRequired
  const points = wholeNumber(values.points, 1, 1000)
  if (points === null) errors.points = messages.points
  if (values.late_policy === 'penalty' && wholeNumber(values.penalty, 0, 100) === null) {
    errors.penalty = messages.penalty
  }
  if (wholeNumber(values.max_files, 0, 20) === null) errors.max_files = messages.maxFiles
  values.rubric.forEach((criterion, index) => {
    if (!criterion.title.trim()) errors[`rubric.${index}.title`] = messages.criterionTitle
    if (wholeNumber(criterion.points, 1, 1000) === null) errors[`rubric.${index}.points`] = messages.criterionPoints
  })
  const total = rubricTotal(values.rubric)
  if (values.rubric.length > 0 && points !== null && total !== points) {
    errors.rubric = messages.rubricTotal(total, points)
  }
  return errors
}

const SERVER_FIELDS: Record<string, string> = {
  title: 'title',
  instructions: 'instructions',
  due_at: 'due',
  points: 'points',
  late_policy: 'late_policy',
  late_penalty_percent: 'penalty',
  allowed_file_kinds: 'file_kinds',
  max_files: 'max_files',
  rubric: 'rubric',
  is_published: 'is_published',
  lesson_id: 'lesson_id',
}

/** Server field errors → the form's own fields, and the messages no field shows. */
export function mapServerErrors(fields: Record<string, string[]>): {
  errors: AssignmentFormErrors
  other: string[]
} {
  const errors: AssignmentFormErrors = {}
  const other: string[] = []
  for (const [key, messages] of Object.entries(fields)) {
    const row = /^rubric\.(\d+)\.(title|points)$/.exec(key)
    const field = row ? `rubric.${row[1]}.${row[2]}` : SERVER_FIELDS[key]
    if (field && messages[0]) errors[field] ??= messages[0]
    else other.push(...messages)
  }
  return { errors, other }
}

function commonBody(values: AssignmentFormValues) {
  return {
    title: values.title.trim(),
    instructions: values.instructions,
    points: Number(values.points),
    late_policy: values.late_policy,
    late_penalty_percent: values.late_policy === 'penalty' ? Number(values.penalty) : 0,
    allowed_file_kinds: values.file_kinds,
    max_files: Number(values.max_files),
    rubric: values.rubric.map((criterion) => ({
      id: criterion.id,
      title: criterion.title.trim(),
      points: Number(criterion.points),
    })),
    is_published: values.is_published,
  }
}

/** The due date goes without an offset: the server reads it in the tutor's time zone. */
export function toCreateBody(values: AssignmentFormValues): AssignmentCreateBody {
  return { ...commonBody(values), due_at: values.due || null, lesson_id: values.lesson_id || null }
}

/**
 * Only a changed due date is sent, so saving other fields of an assignment whose deadline has
 * passed is not refused as "the due date has already passed".
 */
export function toUpdateBody(values: AssignmentFormValues, initial: AssignmentFormValues): AssignmentUpdateBody {
  return {
    ...commonBody(values),
    ...(values.due !== initial.due ? { due_at: values.due || null } : {}),
    ...(values.lesson_id !== initial.lesson_id ? { lesson_id: values.lesson_id || null } : {}),
  }
}
