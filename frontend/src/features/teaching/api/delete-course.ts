import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

import { teachingKeys } from '../utils/course-cache'

/** `DELETE /courses/{slug}`: owner only; 409 `course_has_students` once anyone enrolled. */
export function deleteCourse(slug: string) {
  return unwrap(apiClient.DELETE('/api/v1/courses/{slug}', { params: { path: { slug } } }))
}

export function useDeleteCourse(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => deleteCourse(slug),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sharedQueryKeys.course(slug), exact: true })
      return queryClient.invalidateQueries({ queryKey: teachingKeys.list })
    },
  })
}
