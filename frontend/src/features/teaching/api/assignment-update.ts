import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { Assignment, AssignmentUpdateBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** `PATCH /assignments/{id}`: only the fields sent change. */
export function updateAssignment(id: string, body: AssignmentUpdateBody) {
  return unwrap(apiClient.PATCH('/api/v1/assignments/{id}', { params: { path: { id } }, body }))
}

export function useUpdateAssignment(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AssignmentUpdateBody }) => updateAssignment(id, body),
    onSuccess: (assignment) => {
      queryClient.setQueryData(sharedQueryKeys.assignment(assignment.id), assignment)
      queryClient.setQueryData<Assignment[]>(gradingKeys.courseAssignments(slug), (list) =>
        list?.map((item) => (item.id === assignment.id ? assignment : item)),
      )
      // Late penalties change final scores.
      return queryClient.invalidateQueries({ queryKey: gradingKeys.submissions(assignment.id) })
    },
  })
}
