import type { Assignment, CourseDetail, Person, SubmissionFile, SubmissionForTutor } from '@/api/types'

import { buildCourseDetail, buildSession, buildTutorUser } from './factories'
import { json, type Route } from './fetch-mock'
import { signedIn } from './routes'

let seq = 0
const next = () => {
  seq += 1
  return String(seq).padStart(12, '0')
}

export function buildAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: `60000000-0000-4000-8000-${next()}`,
    course_slug: 'python-from-zero',
    lesson_id: null,
    title: 'Loops worksheet',
    instructions: 'Solve the *five* problems.',
    instructions_html: '<p>Solve the <em>five</em> problems.</p>',
    due_at: '2030-05-10T12:00:00Z',
    points: 10,
    late_policy: 'accept',
    late_penalty_percent: 0,
    allowed_file_kinds: ['pdf'],
    max_files: 1,
    rubric: [],
    is_published: true,
    created_at: '2026-01-05T10:00:00Z',
    submission_count: null,
    graded_count: null,
    ...overrides,
  }
}

export function buildPerson(overrides: Partial<Person> = {}): Person {
  return { id: `70000000-0000-4000-8000-${next()}`, full_name: 'Bilal Ahmed', avatar_url: null, ...overrides }
}

export function buildSubmissionFile(overrides: Partial<SubmissionFile> = {}): SubmissionFile {
  return {
    id: `80000000-0000-4000-8000-${next()}`,
    original_name: 'answers.pdf',
    content_type: 'application/pdf',
    size: 204800,
    ...overrides,
  }
}

export function buildSubmissionForTutor(overrides: Partial<SubmissionForTutor> = {}): SubmissionForTutor {
  return {
    id: `90000000-0000-4000-8000-${next()}`,
    assignment_id: '60000000-0000-4000-8000-000000000001',
    text: 'for i in range(5):\n    print(i)',
    files: [],
    status: 'submitted',
    submitted_at: '2030-05-09T08:30:00Z',
    attempt: 1,
    is_late: false,
    score: null,
    final_score: null,
    rubric_scores: {},
    feedback: '',
    graded_at: null,
    returned_at: null,
    student: buildPerson(),
    ...overrides,
  }
}

/** A DRF page of `results`. */
export function page<T>(results: T[], count = results.length) {
  return { count, next: null, previous: null, results }
}

/** The course-builder page at the Assignments tab, for a signed-in tutor (time zone Asia/Karachi). */
export const GRADING_SLUG = 'python-from-zero'

export function gradingCourse(overrides: Parameters<typeof buildCourseDetail>[0] = {}) {
  return buildCourseDetail({
    slug: GRADING_SLUG,
    title: 'Python from zero',
    status: 'published',
    viewer: { can_edit: true },
    ...overrides,
  })
}

export function gradingBaseRoutes(course: CourseDetail): Route[] {
  return [
    ...signedIn(buildSession({ user: buildTutorUser({ timezone: 'Asia/Karachi' }) })),
    { method: 'GET', path: `/api/v1/courses/${course.slug}`, handler: () => json(course) },
  ]
}
