/** Query keys shared across features (and by realtime invalidation). */
export const sharedQueryKeys = {
  me: ['me'] as const,
  subjects: ['subjects'] as const,
  categories: ['categories'] as const,
  /** Prefix of every course query (catalogue, details, teaching lists). */
  courses: ['courses'] as const,
  course: (slug: string) => ['courses', 'detail', slug] as const,
  lesson: (id: string) => ['lessons', id] as const,
  enrollments: ['enrollments'] as const,
  /** Coursework; the notifications socket refreshes these when a tutor returns work or a certificate is issued. */
  assignment: (id: string) => ['assignments', id] as const,
  mySubmission: (assignmentId: string) => ['assignments', assignmentId, 'submission'] as const,
  quiz: (id: string) => ['quizzes', id] as const,
  myCertificates: ['certificates', 'mine'] as const,
  /** Prefix of every live-class query; the notifications socket refreshes them when a class changes. */
  sessions: ['sessions'] as const,
}
