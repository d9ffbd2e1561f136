import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { Assignment, AssignmentCreateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** `POST /courses/{slug}/assignments`: a naive `due_at` is read in the tutor's time zone. */
export function createAssignment(slug: string, body: AssignmentCreateBody) {
  return unwrap(apiClient.POST('/api/v1/courses/{slug}/assignments', { params: { path: { slug } }, body }))
}

export function useCreateAssignment(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AssignmentCreateBody) => createAssignment(slug, body),
    onSuccess: (assignment) => {
      queryClient.setQueryData(sharedQueryKeys.assignment(assignment.id), assignment)
      // Listed at once, so its page opens without waiting for the list to reload.
      queryClient.setQueryData<Assignment[]>(gradingKeys.courseAssignments(slug), (list) =>
        list ? [...list, assignment] : list,
      )
      const lessonId = assignment.lesson_id
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: gradingKeys.courseAssignments(slug) }),
        // The linked lesson now names its assignment.
        lessonId ? queryClient.invalidateQueries({ queryKey: sharedQueryKeys.lesson(lessonId) }) : null,
      ])
    },
  })
}
