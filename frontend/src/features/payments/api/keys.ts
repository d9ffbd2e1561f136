import type { OrderItemInput } from './types'

/** Query keys of the buying screens; every order query starts with `['orders']`. */
export const paymentKeys = {
  providers: (currency: string) => ['payment-providers', currency] as const,
  quote: (items: readonly OrderItemInput[], coupon: string) => ['orders', 'quote', items, coupon] as const,
  orders: ['orders'] as const,
  orderList: (page: number) => ['orders', 'list', page] as const,
  order: (id: string) => ['orders', 'detail', id] as const,
  localPayment: (id: string) => ['local-payment', id] as const,
  plans: ['plans'] as const,
  planCourses: (slug: string, page: number) => ['plans', slug, 'courses', page] as const,
  subscriptions: ['subscriptions'] as const,
}

/** The server pages lists 12 at a time. */
export const PAGE_SIZE = 12
