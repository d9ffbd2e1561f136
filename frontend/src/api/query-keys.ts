/** Query keys shared across features (and by realtime invalidation). */
export const sharedQueryKeys = {
  me: ['me'] as const,
  subjects: ['subjects'] as const,
}
