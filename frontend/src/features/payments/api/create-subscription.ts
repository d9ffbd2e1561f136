import { apiRequest } from './request'
import type { SubscriptionBody, SubscriptionStart } from './types'

/** `POST /subscriptions` with an `Idempotency-Key`: one subscription per click, however often it is sent. */
export function createSubscription(body: SubscriptionBody, idempotencyKey: string): Promise<SubscriptionStart> {
  return apiRequest('/subscriptions', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })
}
