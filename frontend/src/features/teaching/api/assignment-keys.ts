/**
 * Query keys for the builder's assignments and grading. They sit under the shared
 * `['assignments', id]` prefix, so refreshing one assignment refreshes its submissions too.
 */
export const gradingKeys = {
  courseAssignments: (slug: string) => ['assignments', 'course', slug] as const,
  submissions: (assignmentId: string) => ['assignments', assignmentId, 'submissions'] as const,
  submission: (id: string) => ['submissions', id] as const,
}
