import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { Assignment } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** `DELETE /assignments/{id}`: refused (409 `assignment_has_submissions`) once work is handed in. */
export function deleteAssignment(id: string) {
  return unwrap(apiClient.DELETE('/api/v1/assignments/{id}', { params: { path: { id } } }))
}

export function useDeleteAssignment(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (assignment: Assignment) => deleteAssignment(assignment.id),
    onSuccess: (_, assignment) => {
      queryClient.setQueryData<Assignment[]>(gradingKeys.courseAssignments(slug), (list) =>
        list?.filter((item) => item.id !== assignment.id),
      )
      queryClient.removeQueries({ queryKey: sharedQueryKeys.assignment(assignment.id) })
      const lessonId = assignment.lesson_id
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: gradingKeys.courseAssignments(slug) }),
        lessonId ? queryClient.invalidateQueries({ queryKey: sharedQueryKeys.lesson(lessonId) }) : null,
      ])
    },
  })
}
