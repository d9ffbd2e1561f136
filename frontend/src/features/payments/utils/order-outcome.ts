import type { Order, OrderPayment } from '../api/types'

/** The latest payment attempt on an order. */
export function lastPayment(order: Order): OrderPayment | null {
  let latest: OrderPayment | null = null
  for (const payment of order.payments) {
    if (!latest || payment.created_at >= latest.created_at) latest = payment
  }
  return latest
}

export type Outcome = 'paid' | 'failed' | 'cancelled' | 'waiting'

/**
 * What the buyer back from a provider should see. A paid (or since refunded) order is paid; a failed order, or
 * a pending one whose last attempt failed, failed; a pending one whose attempt was cancelled (or that came back
 * through the cancel link) is cancelled; anything else is still waiting for the provider's word.
 */
export function orderOutcome(order: Order, cancelledHint: boolean): Outcome {
  if (order.status === 'paid' || order.status === 'refunded' || order.status === 'partially_refunded') return 'paid'
  if (order.status === 'failed') return 'failed'
  const last = lastPayment(order)
  if (last?.status === 'failed') return 'failed'
  if (last?.status === 'cancelled' || cancelledHint) return 'cancelled'
  return 'waiting'
}
