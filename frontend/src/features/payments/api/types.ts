/**
 * The payments API as the contract describes it (docs: "Payments API contract"). The generated OpenAPI types
 * do not cover these endpoints yet; every payments type lives here so they can become aliases of the generated
 * ones (`components['schemas'][…]`) in one place.
 */

import type { CourseCard, CourseCurrency } from '@/api/types'

export type Currency = CourseCurrency

/** What a checkout buys: a course, a seat in a live class, or a marketplace listing. */
export type OrderItemInput =
  | { kind: 'course'; course: string }
  | { kind: 'live_seat'; session: string }
  | { kind: 'listing'; listing: string }

export type ItemKind = OrderItemInput['kind']

export type ProviderName = 'local' | 'stripe' | 'paypal' | 'jazzcash' | 'easypaisa'

/** `GET /payments/providers?currency=`. */
export interface PaymentProvider {
  name: ProviderName
  label: string
}

export interface QuoteItem {
  kind: ItemKind
  title: string
  unit_amount: number
  discount: number
  amount: number
}

/** `POST /orders/quote`. */
export interface Quote {
  currency: Currency
  subtotal: number
  discount: number
  total: number
  items: QuoteItem[]
}

export interface OrderBody {
  items: OrderItemInput[]
  coupon?: string
}

export type OrderStatus = 'pending' | 'paid' | 'failed' | 'refunded' | 'partially_refunded'
export type PaymentStatus = 'created' | 'processing' | 'succeeded' | 'failed' | 'cancelled'

export interface OrderItem extends QuoteItem {
  course_slug: string | null
  session_id: string | null
  listing_slug: string | null
}

export interface OrderPayment {
  id: string
  provider: ProviderName
  status: PaymentStatus
  failure_code: string
  failure_message: string
  created_at: string
}

export interface Order {
  id: string
  status: OrderStatus
  currency: Currency
  subtotal: number
  discount: number
  total: number
  refunded: number
  coupon_code: string | null
  created_at: string
  paid_at: string | null
  receipt_number: string | null
  items: OrderItem[]
  payments: OrderPayment[]
  can_pay: boolean
  can_refund: boolean
  receipt_url: string | null
}

export interface Page<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

/** Where the browser goes next to pay: a plain redirect, or a form POST when `form_fields` has entries. */
export interface ProviderRedirect {
  redirect_url: string
  form_fields: Record<string, string>
}

/** `POST /orders/{id}/pay`. */
export interface PayStart extends ProviderRedirect {
  payment: { id: string; provider: ProviderName; status: PaymentStatus }
}

/** `GET /payments/local/{payment_id}`: the local test gateway's own view of a payment. */
export interface LocalPayment {
  id: string
  order_id: string
  amount: number
  currency: Currency
  description: string
  status: PaymentStatus
  merchant: string
  test_cards: { number: string; outcome: string }[]
}

export interface LocalCardBody {
  card_number: string
  expiry: string
  cvc: string
  name: string
  otp?: string
}

/** `POST /payments/local/{payment_id}/pay`. */
export interface LocalPayResult {
  status: 'succeeded' | 'failed' | 'requires_authentication'
  message: string
  redirect_url: string
}

export interface Plan {
  id: string
  slug: string
  name: string
  description: string
  currency: Currency
  price_amount: number
  included_course_count: number
}

export type SubscriptionStatus = 'incomplete' | 'active' | 'past_due' | 'ended'

export interface Subscription {
  id: string
  plan: Pick<Plan, 'slug' | 'name' | 'currency' | 'price_amount'>
  provider: ProviderName
  status: SubscriptionStatus
  current_period_end: string | null
  cancel_at_period_end: boolean
  past_due_since: string | null
  grace_ends_at: string | null
  ended_at: string | null
}

/** `POST /subscriptions`. */
export interface SubscriptionStart extends ProviderRedirect {
  subscription: Subscription
}

/** `GET /plans/{slug}/courses`: the catalogue's course cards. */
export type PlanCourse = CourseCard
