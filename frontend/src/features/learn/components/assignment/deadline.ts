import type { Assignment, Submission } from '@/api/types'

/** Whether hand-in is open now and why not, following the server's rules (`submission_submit`). */
export type HandIn =
  | { open: true; late: boolean }
  /** `rejected`: late work is not taken; `locked`: late, and work was handed in before the deadline. */
  | { open: false; reason: 'rejected' | 'locked' }

export function isPastDue(assignment: Pick<Assignment, 'due_at'>, now: number): boolean {
  return assignment.due_at !== null && now > Date.parse(assignment.due_at)
}

/**
 * Work can be handed in again until the deadline. After it, late work is refused outright under the
 * `reject` policy; under the others a first hand-in is still taken, but nothing can be replaced.
 */
export function handInState(
  assignment: Pick<Assignment, 'due_at' | 'late_policy'>,
  submission: Submission | null,
  now: number,
): HandIn {
  if (!isPastDue(assignment, now)) return { open: true, late: false }
  if (assignment.late_policy === 'reject') return { open: false, reason: 'rejected' }
  if (submission) return { open: false, reason: 'locked' }
  return { open: true, late: true }
}
