import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import type { SubmitBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

/**
 * `POST /assignments/{id}/submission {text, upload_ids?}`: hand work in, or again before the deadline.
 * Leaving out `upload_ids` keeps the files handed in before; `[]` removes them.
 */
export function submitAssignment(assignmentId: string, body: SubmitBody) {
  return unwrap(apiClient.POST('/api/v1/assignments/{id}/submission', { params: { path: { id: assignmentId } }, body }))
}

export function useSubmitAssignment(assignmentId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SubmitBody) => submitAssignment(assignmentId, body),
    onSuccess: (submission) => {
      queryClient.setQueryData(sharedQueryKeys.mySubmission(assignmentId), submission)
      // Handing in ticks the lesson: refresh the lesson's progress and the course's ticks.
      void queryClient.invalidateQueries({ queryKey: ['lessons'] })
      void queryClient.invalidateQueries({ queryKey: ['courses', 'detail'] })
      void queryClient.invalidateQueries({ queryKey: sharedQueryKeys.enrollments })
    },
  })
}
