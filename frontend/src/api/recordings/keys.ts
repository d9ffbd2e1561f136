/** Every recording query starts with `['recordings']`, so one invalidation refreshes lists and details alike. */
export const recordingKeys = {
  all: ['recordings'] as const,
  session: (sessionId: string) => ['recordings', 'session', sessionId] as const,
  course: (slug: string) => ['recordings', 'course', slug] as const,
  detail: (id: string) => ['recordings', 'detail', id] as const,
}

/** While a recording is being made into a video, lists and details ask again this often. */
export const PROCESSING_POLL_MS = 4000
