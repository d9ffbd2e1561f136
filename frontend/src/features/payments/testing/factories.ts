import { buildSession } from '@/testing/factories'
import { json, type Route } from '@/testing/fetch-mock'
import { signedIn } from '@/testing/routes'

import type { LocalPayment, Order, OrderItem, OrderPayment, Plan, Quote, Subscription } from '../api/types'

export const ORDER_ID = '7a1c0000-0000-4000-8000-000000000001'
export const PAYMENT_ID = '9b2d0000-0000-4000-8000-000000000001'
export const COURSE = 'python-from-zero'

export function buildQuote(overrides: Partial<Quote> = {}): Quote {
  return {
    currency: 'PKR',
    subtotal: 250000,
    discount: 0,
    total: 250000,
    items: [{ kind: 'course', title: 'Python from zero', unit_amount: 250000, discount: 0, amount: 250000 }],
    ...overrides,
  }
}

export function buildOrderItem(overrides: Partial<OrderItem> = {}): OrderItem {
  return {
    kind: 'course',
    title: 'Python from zero',
    unit_amount: 250000,
    discount: 0,
    amount: 250000,
    course_slug: COURSE,
    session_id: null,
    listing_slug: null,
    ...overrides,
  }
}

export function buildPayment(overrides: Partial<OrderPayment> = {}): OrderPayment {
  return {
    id: PAYMENT_ID,
    provider: 'local',
    status: 'processing',
    failure_code: '',
    failure_message: '',
    created_at: '2026-03-01T10:00:00Z',
    ...overrides,
  }
}

export function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: ORDER_ID,
    status: 'pending',
    currency: 'PKR',
    subtotal: 250000,
    discount: 0,
    total: 250000,
    refunded: 0,
    coupon_code: null,
    created_at: '2026-03-01T10:00:00Z',
    paid_at: null,
    receipt_number: null,
    items: [buildOrderItem()],
    payments: [],
    can_pay: true,
    can_refund: false,
    receipt_url: null,
    ...overrides,
  }
}

export function buildPaidOrder(overrides: Partial<Order> = {}): Order {
  return buildOrder({
    status: 'paid',
    paid_at: '2026-03-01T10:01:00Z',
    receipt_number: 123,
    receipt_url: '/media/receipts/UST-2026-000123.pdf?signature=abc',
    payments: [buildPayment({ status: 'succeeded' })],
    can_pay: false,
    ...overrides,
  })
}

export function buildLocalPayment(overrides: Partial<LocalPayment> = {}): LocalPayment {
  return {
    id: PAYMENT_ID,
    order_id: ORDER_ID,
    subscription_id: null,
    amount: 250000,
    currency: 'PKR',
    description: 'Python from zero',
    status: 'created',
    merchant: 'Ustad test gateway',
    test_cards: [
      { number: '4242 4242 4242 4242', outcome: 'Succeeds' },
      { number: '4000 0000 0000 0002', outcome: 'Declined' },
      { number: '4000 0000 0000 9995', outcome: 'Insufficient funds' },
      { number: '4000 0027 6000 3184', outcome: 'Needs authentication (code 123456)' },
    ],
    ...overrides,
  }
}

export function buildPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: 'plan-1',
    slug: 'all-access',
    name: 'All access',
    description: 'Every included course, one price.',
    currency: 'PKR',
    price_amount: 150000,
    included_course_count: 24,
    ...overrides,
  }
}

export function buildSubscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    plan: { slug: 'all-access', name: 'All access', currency: 'PKR', price_amount: 150000 },
    provider: 'local',
    status: 'active',
    current_period_end: '2026-04-01T10:00:00Z',
    cancel_at_period_end: false,
    past_due_since: null,
    grace_ends_at: null,
    ended_at: null,
    created_at: '2026-03-01T10:00:00Z',
    ...overrides,
  }
}

export const PROVIDERS = [
  { name: 'local', label: 'Test card (local)' },
  { name: 'jazzcash', label: 'JazzCash' },
]

/** A signed-in buyer and the providers on offer in PKR. */
export function buyerRoutes(): Route[] {
  return [
    ...signedIn(buildSession()),
    { method: 'GET', path: '/api/v1/payments/providers', handler: () => json(PROVIDERS) },
  ]
}

/** The same medium date the screens show. */
export function mediumDate(iso: string): string {
  return new Intl.DateTimeFormat('en-PK', { dateStyle: 'medium' }).format(new Date(iso))
}
