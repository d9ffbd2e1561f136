/**
 * The payments API's shapes for earning screens, as aliases of the generated OpenAPI types (`@/api/schema`).
 * Money is integers in minor units (paisa, cents).
 */

import type { components, paths } from '@/api/schema'

type Schemas = components['schemas']

export type Currency = Schemas['CurrencyEnum']

export const CURRENCIES: readonly Currency[] = ['PKR', 'USD']

/** `GET /earnings`: a tutor's balance in one currency. `available` = earned − paid out − pending payouts. */
export type Balance = Schemas['Balance']
/** One ledger movement on the tutor's account (a sale credited, a payout, a refund taken back). */
export type Movement = Schemas['Movement']
export type Earnings = Schemas['Earnings']

export type PayoutStatus = Schemas['PayoutStatusEnum']

export const PAYOUT_STATUSES: readonly PayoutStatus[] = ['requested', 'approved', 'paid', 'rejected']

export type Payout = Schemas['Payout']
/** `GET /payouts?status=&page=`. */
export type PayoutPage = Schemas['PaginatedPayoutList']

/** `POST /payouts`. */
export type PayoutRequestBody = Schemas['PayoutInputRequest']

/** The last segment of `POST /payouts/{id}/approve | reject | mark-paid`. */
export type PayoutAction = keyof paths extends infer P
  ? P extends `/api/v1/payouts/{id}/${infer Action}`
    ? Action
    : never
  : never

export type OrderStatus = Schemas['OrderStatusEnum']

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'failed', 'refunded', 'partially_refunded']

export type Order = Schemas['Order']
export type OrderItem = Schemas['OrderItem']
export type OrderPayment = Schemas['Payment']

/** `GET /admin/orders`: an order with who bought it. */
export type AdminOrder = Schemas['AdminOrder']
export type AdminOrderPage = Schemas['PaginatedAdminOrderList']

/** `POST /orders/{id}/refund`; without `amount` the server refunds what is left. */
export type RefundBody = Schemas['RefundInputRequest']

export type ReferralEventKind = Schemas['ReferralActivityKindEnum']

/** `GET /referrals/me`. */
export type ReferralSummary = Schemas['AffiliateSummary']

export type ListingStatus = Schemas['ListingStatusEnum']

export type Listing = Schemas['Listing']
export type ListingPage = Schemas['PaginatedListingList']
export type ListingItem = Schemas['ListingItem']

/** `GET /listings/{slug}`: the listing, what it holds, and whether the viewer may edit it. */
export type ListingDetail = Schemas['ListingDetail']

/** `GET /listings/{slug}/content`: signed video links, for buyers and the listing's tutor. */
export type ListingContent = Schemas['ListingContent']

/** `POST /listings`. */
export type ListingBody = Schemas['ListingInputRequest']
/** `PATCH /listings/{slug}`. */
export type ListingUpdateBody = Schemas['PatchedListingInputRequest']
