import { useQuery } from '@tanstack/react-query'

/**
 * Which lessons of a course this student has completed, as far as this page
 * has seen (opened lessons and saved progress). The course's syllabus does not
 * carry per-lesson completion, so ticks fill in as lessons are opened.
 */
export const completedLessonsKey = (slug: string) => ['learn', 'completed', slug] as const

export function useCompletedLessons(slug: string): Record<string, boolean> {
  const query = useQuery<Record<string, boolean>>({
    queryKey: completedLessonsKey(slug),
    queryFn: () => ({}),
    staleTime: Infinity,
    gcTime: Infinity,
  })
  return query.data ?? {}
}
