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
}
