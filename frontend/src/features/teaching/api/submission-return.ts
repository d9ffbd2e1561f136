import { useMutation } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

import { useStoreSubmission } from './submission-grade'

/** `POST /submissions/{id}/return`: the student now sees the grade (409 `not_graded` before grading). */
export function returnSubmission(id: string) {
  return unwrap(apiClient.POST('/api/v1/submissions/{id}/return', { params: { path: { id } } }))
}

export function useReturnSubmission() {
  const store = useStoreSubmission()
  return useMutation({ mutationFn: returnSubmission, onSuccess: store })
}
