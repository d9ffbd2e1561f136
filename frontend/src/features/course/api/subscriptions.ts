/**
 * The two subscription calls the course page needs: whether the visitor has a running subscription, and
 * enrolling through it. They are not in the generated schema yet, so they use the authenticated `fetch`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { sharedQueryKeys } from '@/api/query-keys'
import { authFetch } from '@/lib/auth/auth-fetch'
import { apiErrorFromResponse, networkError } from '@/lib/errors'

interface SubscriptionSummary {
  id: string
  status: 'incomplete' | 'active' | 'past_due' | 'ended'
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await authFetch(new Request(new URL(`/api/v1${path}`, window.location.origin), init))
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw networkError(cause)
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  if (!response.ok) throw apiErrorFromResponse(response, body)
  return body as T
}

/** `GET /subscriptions`: true when one of them is running (active, or overdue but within its grace period). */
export function useHasSubscription(enabled: boolean) {
  return useQuery({
    queryKey: ['subscriptions'],
    queryFn: ({ signal }) => call<SubscriptionSummary[]>('/subscriptions', { signal }),
    select: (list) => list.some((item) => item.status === 'active' || item.status === 'past_due'),
    enabled,
  })
}

/** `POST /subscriptions/enrol {course}`: 201 with the enrolment; 402 `subscription_required` otherwise. */
export function useSubscriptionEnrol(slug: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      call<unknown>('/subscriptions/enrol', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ course: slug }),
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.course(slug) }),
        queryClient.invalidateQueries({ queryKey: sharedQueryKeys.enrollments }),
      ]),
  })
}
