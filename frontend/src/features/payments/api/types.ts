/**
 * The payments API's shapes, as aliases of the generated OpenAPI types (`@/api/schema`). Money is integers in
 * minor units (paisa, cents).
 */

import type { components } from '@/api/schema'

type Schemas = components['schemas']

export type Currency = Schemas['CurrencyEnum']

/** One thing a checkout buys: a course, a seat in a live class, or a marketplace listing. */
export type OrderItemInput = Schemas['ItemInputRequest']
/** What an order line can be: besides what a checkout buys, a month of a subscription plan. */
export type ItemKind = OrderItem['kind']

/** `GET /payments/providers?currency=`. */
export type PaymentProvider = Schemas['Provider']
export type ProviderName = PaymentProvider['name']

/** `POST /orders/quote`. */
export type Quote = Schemas['Quote']
export type QuoteItem = Schemas['QuoteLine']

/** `POST /orders` and `POST /orders/quote`. */
export type OrderBody = Schemas['OrderInputRequest']

export type OrderStatus = Schemas['OrderStatusEnum']
export type PaymentStatus = Schemas['PaymentStatusEnum']

export type Order = Schemas['Order']
export type OrderItem = Schemas['OrderItem']
export type OrderPayment = Schemas['Payment']
/** `GET /orders?page=`. */
export type OrderPage = Schemas['PaginatedOrderList']

/** `POST /orders/{id}/pay`. */
export type PayStart = Schemas['PayStart']
/** Where the browser goes next to pay: a plain redirect, or a form POST when `form_fields` has entries. */
export type ProviderRedirect = Pick<PayStart, 'redirect_url' | 'form_fields'>
/** `POST /payments/local/{payment_id}/cancel`. */
export type Redirect = Schemas['Redirect']

/** `GET /payments/local/{payment_id}`: the local test gateway's own view of a payment. */
export type LocalPayment = Schemas['LocalCharge']
/** `POST /payments/local/{payment_id}/pay`. */
export type LocalCardBody = Schemas['LocalPayInputRequest']
export type LocalPayResult = Schemas['LocalResult']

export type Plan = Schemas['Plan']

export type SubscriptionStatus = Schemas['SubscriptionStatusEnum']
export type Subscription = Schemas['Subscription']
/** `POST /subscriptions`. */
export type SubscriptionBody = Schemas['SubscriptionInputRequest']
export type SubscriptionStart = Schemas['SubscriptionStart']

/** `GET /plans/{slug}/courses`: the catalogue's course cards. */
export type PlanCoursePage = Schemas['PaginatedCourseCardList']
export type PlanCourse = PlanCoursePage['results'][number]
