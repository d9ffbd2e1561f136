/**
 * The payments API's shapes for earning screens (docs: the payments API contract). The generated OpenAPI
 * types do not cover these endpoints yet; every screen imports them from here, so switching to
 * `@/api/schema` later touches this file only. Money is integers in minor units (paisa, cents).
 */

export type Currency = 'PKR' | 'USD'

export const CURRENCIES: readonly Currency[] = ['PKR', 'USD']

/** DRF's page: `{count, next, previous, results}`. */
export interface Page<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

/** `GET /earnings`: a tutor's balance in one currency. `available` = earned − paid out − pending payouts. */
export interface Balance {
  currency: Currency
  earned: number
  paid_out: number
  pending_payouts: number
  available: number
}

/** One ledger movement on the tutor's account (a sale credited, a payout, a refund taken back). */
export interface Movement {
  date: string
  memo: string
  amount: number
  currency: Currency
}

export interface Earnings {
  balances: Balance[]
  recent: Movement[]
}

export type PayoutStatus = 'requested' | 'approved' | 'paid' | 'rejected'

export const PAYOUT_STATUSES: readonly PayoutStatus[] = ['requested', 'approved', 'paid', 'rejected']

export interface Payout {
  id: string
  tutor: { id: string; name: string }
  amount: number
  currency: Currency
  status: PayoutStatus
  /** Where to send it: a bank account or a wallet number, as the tutor typed it. */
  method: string
  /** The admin's note: why it was rejected, or the transfer reference. */
  note: string
  created_at: string
  paid_at: string | null
}

/** `POST /payouts`. */
export interface PayoutRequestBody {
  amount: number
  currency: Currency
  method: string
}

export type PayoutAction = 'approve' | 'reject' | 'mark-paid'

export type OrderStatus = 'pending' | 'paid' | 'failed' | 'refunded' | 'partially_refunded'

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'failed', 'refunded', 'partially_refunded']

export interface OrderItem {
  kind: 'course' | 'live_seat' | 'listing'
  title: string
  unit_amount: number
  discount: number
  amount: number
  course_slug: string | null
  session_id: string | null
  listing_slug: string | null
}

export interface OrderPayment {
  id: string
  provider: string
  status: 'created' | 'processing' | 'succeeded' | 'failed' | 'cancelled'
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
  /** Admins only: something is left to refund. */
  can_refund: boolean
  receipt_url: string | null
}

/** `GET /admin/orders`: an order with who bought it. */
export interface AdminOrder extends Order {
  buyer: { id: string; name: string; email: string }
}

/** `POST /orders/{id}/refund`; without `amount` the server refunds what is left. */
export interface RefundBody {
  amount?: number
  reason: string
}

export type ReferralEventKind = 'click' | 'signup' | 'conversion'

/** `GET /referrals/me`. */
export interface ReferralSummary {
  code: string
  link: string
  clicks: number
  signups: number
  conversions: number
  earnings: { currency: Currency; pending: number; credited: number }[]
  recent: { date: string; kind: ReferralEventKind; amount: number | null; currency: Currency | null }[]
}

export type ListingStatus = 'draft' | 'published' | 'archived'

export interface Listing {
  id: string
  slug: string
  title: string
  description: string
  currency: Currency
  price_amount: number
  status: ListingStatus
  tutor: { id: string; name: string }
  recording_count: number
  lesson_count: number
  /** The viewer bought it (and was not refunded). */
  owned: boolean
}

export interface ListingItem {
  id: string
  title: string
  duration_seconds: number | null
}

/** `GET /listings/{slug}`: the listing; the server may add what it holds and whether the viewer may edit it. */
export interface ListingDetail extends Listing {
  recordings?: ListingItem[]
  lessons?: ListingItem[]
  can_edit?: boolean
}

/** `GET /listings/{slug}/content`: signed video links, for buyers and the listing's tutor. */
export interface ListingContent {
  recordings: {
    id: string
    title: string
    duration_seconds: number | null
    video_url: string | null
    thumbnail_url: string | null
  }[]
  lessons: { id: string; title: string; video_url: string | null }[]
}

/** `POST /listings` and (partially) `PATCH /listings/{slug}`. */
export interface ListingBody {
  title: string
  description: string
  currency: Currency
  price_amount: number
  recordings: string[]
  lessons: string[]
}
