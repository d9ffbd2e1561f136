import { apiRequest } from './request'
import type { Order, OrderBody } from './types'

/**
 * `POST /orders` with the checkout's `Idempotency-Key`: the same key always answers with the same order (200
 * for a repeat), so a double click or a retry after a lost answer never makes a second one.
 */
export function createOrder(body: OrderBody, idempotencyKey: string): Promise<Order> {
  return apiRequest('/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })
}
