import { useSearchParams } from 'react-router'

import type { SubmissionForTutor } from '@/api/types'

export type StatusFilter = SubmissionForTutor['status'] | 'all'
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'submitted', 'graded', 'returned']

/** The status filter works on the page shown (the API lists every status together). */
export function filterSubmissions(rows: SubmissionForTutor[], status: StatusFilter): SubmissionForTutor[] {
  return status === 'all' ? rows : rows.filter((row) => row.status === status)
}

interface View {
  /** An assignment's id, or `new` for the create form. */
  assignment?: string | null
  submission?: string | null
  /** Page of the submissions table. */
  page?: number
  status?: StatusFilter
}

/**
 * Where the Assignments tab is, kept in the URL (`?tab=assignments&assignment=…&submission=…`)
 * so reloading and the back button work. Links keep the builder's `tab` and replace the rest.
 */
export function useAssignmentsNav() {
  const [params] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get('spage') ?? '1', 10) || 1)
  const status = STATUS_FILTERS.find((value) => value === params.get('status')) ?? 'all'
  const current = { assignment: params.get('assignment'), submission: params.get('submission'), page, status }

  const search = (view: View): string => {
    const next = new URLSearchParams()
    next.set('tab', params.get('tab') ?? 'assignments')
    if (view.assignment) next.set('assignment', view.assignment)
    if (view.assignment && view.submission) next.set('submission', view.submission)
    if (view.assignment && view.page && view.page > 1) next.set('spage', String(view.page))
    if (view.assignment && view.status && view.status !== 'all') next.set('status', view.status)
    return `?${next.toString()}`
  }

  return {
    ...current,
    /** The list of assignments. */
    listHref: search({}),
    newHref: search({ assignment: 'new' }),
    assignmentHref: (id: string, view: Omit<View, 'assignment' | 'submission'> = {}) =>
      search({ assignment: id, ...view }),
    /** A submission, remembering the table page and filter it was opened from. */
    submissionHref: (assignmentId: string, submissionId: string) =>
      search({ assignment: assignmentId, submission: submissionId, page, status }),
  }
}
