import type { Assignment, Submission, SubmissionFile, UploadSession } from '@/api/types'

const DAY = 24 * 60 * 60 * 1000

/** An ISO time `days` from now (negative: in the past), so deadlines stay ahead of or behind the clock. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString()
}

let seq = 0
const uuid = (prefix: string) => `${prefix}-0000-4000-8000-${String(++seq).padStart(12, '0')}`

export function buildAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: uuid('70000000'),
    course_slug: 'python-from-zero',
    lesson_id: null,
    title: 'Loops worksheet',
    instructions: 'Solve **all** exercises.',
    instructions_html: '<p>Solve <strong>all</strong> exercises.</p>',
    due_at: daysFromNow(3),
    points: 100,
    late_policy: 'accept',
    late_penalty_percent: 0,
    allowed_file_kinds: ['pdf'],
    max_files: 3,
    rubric: [],
    is_published: true,
    created_at: '2026-01-05T10:00:00Z',
    submission_count: null,
    graded_count: null,
    ...overrides,
  }
}

export function buildSubmissionFile(overrides: Partial<SubmissionFile> = {}): SubmissionFile {
  return {
    id: uuid('71000000'),
    original_name: 'answers.pdf',
    content_type: 'application/pdf',
    size: 24_576,
    ...overrides,
  }
}

export function buildSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: uuid('72000000'),
    assignment_id: uuid('70000000'),
    text: 'My answers are attached.',
    files: [],
    status: 'submitted',
    submitted_at: daysFromNow(-1),
    attempt: 1,
    is_late: false,
    score: null,
    final_score: null,
    rubric_scores: {},
    feedback: '',
    graded_at: null,
    returned_at: null,
    ...overrides,
  }
}

export function buildUploadSession(overrides: Partial<UploadSession> = {}): UploadSession {
  return {
    id: uuid('73000000'),
    filename: 'answers.pdf',
    size: 10,
    kind: 'pdf',
    status: 'open',
    received_bytes: 0,
    chunk_size: 1024,
    expires_at: daysFromNow(1),
    created_at: daysFromNow(0),
    stored_name: '',
    content_type: '',
    ...overrides,
  }
}
