import { apiRequest, segment } from './request'
import type { PayStart, ProviderName } from './types'

/** `POST /orders/{id}/pay`: starts a payment with a provider; 503 `provider_unavailable` leaves the order pending. */
export function payOrder(orderId: string, provider: ProviderName): Promise<PayStart> {
  return apiRequest(`/orders/${segment(orderId)}/pay`, { method: 'POST', body: { provider } })
}
