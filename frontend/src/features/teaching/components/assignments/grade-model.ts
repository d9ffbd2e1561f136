import type { Assignment, GradeBody, SubmissionForTutor } from '@/api/types'
import { localeOf } from '@/lib/i18n'

/** A score as typed ("7", "7.5", "7.25"), or null when it isn't one. */
export function parseScore(text: string): number | null {
  const cleaned = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null
  return Number(cleaned)
}

/** Keeps a typed score within `[0, max]` so a criterion can't get more than it is worth. */
export function capScore(text: string, max: number): string {
  const value = Number(text)
  if (text.trim() === '' || Number.isNaN(value)) return text
  if (value > max) return String(max)
  if (value < 0) return '0'
  return text
}

export interface GradeValues {
  /** Per rubric criterion id. */
  scores: Record<string, string>
  /** The single score, for assignments without a rubric. */
  score: string
  feedback: string
}

export function gradeValues(submission: SubmissionForTutor): GradeValues {
  const scores: Record<string, string> = {}
  for (const [id, value] of Object.entries(submission.rubric_scores)) scores[id] = String(Number(value))
  return {
    scores,
    score: submission.score === null ? '' : String(Number(submission.score)),
    feedback: submission.feedback,
  }
}

/** The total so far: the rubric's filled-in scores, or the single score. */
export function gradeTotal(assignment: Assignment, values: GradeValues): number | null {
  if (assignment.rubric.length === 0) return parseScore(values.score)
  const scores = assignment.rubric.map((criterion) => parseScore(values.scores[criterion.id] ?? ''))
  if (scores.every((score) => score === null)) return null
  return scores.reduce<number>((sum, score) => sum + (score ?? 0), 0)
}

/** The grade the student gets once the late penalty (if any) is taken off, as the server works it out. */
export function afterLatePenalty(total: number, assignment: Assignment, submission: SubmissionForTutor): number {
  if (!submission.is_late || assignment.late_policy !== 'penalty') return total
  return Math.round(total * (100 - assignment.late_penalty_percent)) / 100
}

/** What is wrong before sending: a missing or unreadable score (keyed by criterion id for a rubric). */
export function gradeProblems(assignment: Assignment, values: GradeValues): Record<string, 'missing' | 'invalid'> {
  const problems: Record<string, 'missing' | 'invalid'> = {}
  if (assignment.rubric.length === 0) {
    if (!values.score.trim()) problems.score = 'missing'
    else if (parseScore(values.score) === null) problems.score = 'invalid'
    return problems
  }
  for (const criterion of assignment.rubric) {
    const text = values.scores[criterion.id] ?? ''
    if (!text.trim()) problems[criterion.id] = 'missing'
    else if (parseScore(text) === null) problems[criterion.id] = 'invalid'
  }
  return problems
}

export function toGradeBody(assignment: Assignment, values: GradeValues): GradeBody {
  if (assignment.rubric.length === 0) return { score: values.score.trim(), feedback: values.feedback.trim() }
  const rubric_scores: Record<string, string> = {}
  for (const criterion of assignment.rubric) rubric_scores[criterion.id] = (values.scores[criterion.id] ?? '').trim()
  return { rubric_scores, feedback: values.feedback.trim() }
}

export function sameGrade(a: GradeValues, b: GradeValues): boolean {
  const ids = new Set([...Object.keys(a.scores), ...Object.keys(b.scores)])
  return (
    a.score.trim() === b.score.trim() &&
    a.feedback.trim() === b.feedback.trim() &&
    [...ids].every((id) => (a.scores[id] ?? '').trim() === (b.scores[id] ?? '').trim())
  )
}

/** 7.5 → "7.5", "8.00" → "8", in the reader's digits. */
export function formatScore(value: number | string, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(Number(value))
}
