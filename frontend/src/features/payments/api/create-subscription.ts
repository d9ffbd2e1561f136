import { apiRequest } from './request'
import type { ProviderName, SubscriptionStart } from './types'

/** `POST /subscriptions` with an `Idempotency-Key`: one subscription per click, however often it is sent. */
export function createSubscription(
  body: { plan: string; provider: ProviderName },
  idempotencyKey: string,
): Promise<SubscriptionStart> {
  return apiRequest('/subscriptions', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })
}
