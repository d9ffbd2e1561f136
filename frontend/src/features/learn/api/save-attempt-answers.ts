import { apiClient } from '@/api/client'
import type { AttemptAnswersBody } from '@/api/types'
import { unwrap } from '@/lib/errors'

/**
 * `PATCH /attempts/{id} {answers}`: saves progress. The answers replace earlier ones to the same
 * questions; empty ones clear them. 409 `time_up` after the deadline, `attempt_submitted` once
 * graded, 400 `invalid_answers`. `keepalive` lets the last answers reach the server as the page closes.
 */
export function saveAttemptAnswers(attemptId: string, body: AttemptAnswersBody, options: { keepalive?: boolean } = {}) {
  return unwrap(
    apiClient.PATCH('/api/v1/attempts/{id}', {
      params: { path: { id: attemptId } },
      body,
      keepalive: options.keepalive ?? false,
    }),
  )
}
