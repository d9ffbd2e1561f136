import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import type { CourseDetail } from '@/api/types'

/**
 * Which lessons of a course this student has completed: the syllabus's ticks as loaded, overlaid
 * with what this page has seen since (opened lessons and saved progress), so a tick appears the
 * moment a lesson is finished without refetching the course.
 */
export const completedLessonsKey = (slug: string) => ['learn', 'completed', slug] as const

export function useCompletedLessons(slug: string, course: CourseDetail | undefined): Record<string, boolean> {
  const query = useQuery<Record<string, boolean>>({
    queryKey: completedLessonsKey(slug),
    queryFn: () => ({}),
    staleTime: Infinity,
    gcTime: Infinity,
  })
  const seen = query.data
  return useMemo(() => {
    const fromSyllabus: Record<string, boolean> = {}
    for (const section of course?.sections ?? []) {
      for (const lesson of section.lessons) if (lesson.completed) fromSyllabus[lesson.id] = true
    }
    return { ...fromSyllabus, ...seen }
  }, [course, seen])
}
