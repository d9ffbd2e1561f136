import { useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'

import { sharedQueryKeys } from '@/api/query-keys'
import type { CourseDetail } from '@/api/types'

export const teachingKeys = {
  list: ['courses', 'teaching'] as const,
  publishCheck: (slug: string) => ['courses', 'publish-check', slug] as const,
  students: (slug: string) => ['courses', 'students', slug] as const,
  resources: (slug: string) => ['courses', 'resources', slug] as const,
}

/** Keeps the builder's views of a course in step after a change. */
export function useCourseCache() {
  const queryClient = useQueryClient()
  return useMemo(
    () => ({
      /** A change answered with the whole course: show it at once, refresh what depends on it. */
      store(course: CourseDetail, previousSlug?: string) {
        queryClient.setQueryData(sharedQueryKeys.course(course.slug), course)
        if (previousSlug && previousSlug !== course.slug) {
          queryClient.removeQueries({ queryKey: sharedQueryKeys.course(previousSlug), exact: true })
        }
        void queryClient.invalidateQueries({ queryKey: teachingKeys.list })
        void queryClient.invalidateQueries({ queryKey: teachingKeys.publishCheck(course.slug) })
      },
      /** A change answered with a part (section, lesson, resource): fetch the course again. */
      refresh(slug: string) {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: sharedQueryKeys.course(slug) }),
          queryClient.invalidateQueries({ queryKey: teachingKeys.publishCheck(slug) }),
          queryClient.invalidateQueries({ queryKey: teachingKeys.list }),
        ])
      },
      refreshLesson(id: string) {
        return queryClient.invalidateQueries({ queryKey: sharedQueryKeys.lesson(id) })
      },
      /** A file was added or removed: the course's list and its lesson's downloads change. */
      refreshResources(slug: string, lessonId: string | null) {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: teachingKeys.resources(slug) }),
          lessonId ? queryClient.invalidateQueries({ queryKey: sharedQueryKeys.lesson(lessonId) }) : null,
        ])
      },
    }),
    [queryClient],
  )
}
