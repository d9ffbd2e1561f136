import { useMutation, useQueryClient } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import type { GradeBody, SubmissionForTutor } from '@/api/types'
import { unwrap } from '@/lib/errors'

import { gradingKeys } from './assignment-keys'

/** `POST /submissions/{id}/grade {score?, rubric_scores?, feedback}`: the student sees it once returned. */
export function gradeSubmission(id: string, body: GradeBody) {
  return unwrap(apiClient.POST('/api/v1/submissions/{id}/grade', { params: { path: { id } }, body }))
}

/** Shows the answer at once and refreshes the submissions table it came from. */
export function useStoreSubmission() {
  const queryClient = useQueryClient()
  return (submission: SubmissionForTutor) => {
    queryClient.setQueryData(gradingKeys.submission(submission.id), submission)
    return queryClient.invalidateQueries({ queryKey: gradingKeys.submissions(submission.assignment_id) })
  }
}

export function useGradeSubmission() {
  const store = useStoreSubmission()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: GradeBody }) => gradeSubmission(id, body),
    onSuccess: store,
  })
}
