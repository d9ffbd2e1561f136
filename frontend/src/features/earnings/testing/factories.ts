import type { Role, User } from '@/api/types'
import { buildSession, buildTutorUser, buildUser } from '@/testing/factories'
import type { Route } from '@/testing/fetch-mock'
import { signedIn } from '@/testing/routes'

import type { AdminOrder, Balance, Listing, ListingDetail, Payout, ReferralSummary } from '../api/types'

let seq = 0
const next = () => {
  seq += 1
  return String(seq).padStart(12, '0')
}

/** DRF's page, which every generated `Paginated…List` is for its own `T`; tests build any of them with `page`. */
interface Page<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

export function page<T>(results: T[], count = results.length): Page<T> {
  return { count, next: count > results.length ? 'http://testserver/next' : null, previous: null, results }
}

export function buildBalance(overrides: Partial<Balance> = {}): Balance {
  return { currency: 'PKR', earned: 1_000_000, paid_out: 200_000, pending_payouts: 50_000, available: 750_000, ...overrides }
}

export function buildPayout(overrides: Partial<Payout> = {}): Payout {
  return {
    id: `9a700000-0000-4000-8000-${next()}`,
    tutor: { id: 'b0000000-0000-4000-8000-000000000001', name: 'Sara Malik' },
    amount: 250_000,
    currency: 'PKR',
    status: 'requested',
    method: 'JazzCash 0300 1234567',
    note: '',
    created_at: '2026-12-01T10:00:00Z',
    paid_at: null,
    ...overrides,
  }
}

export function buildAdminOrder(overrides: Partial<AdminOrder> = {}): AdminOrder {
  return {
    id: `0bde0000-0000-4000-8000-${next()}`,
    status: 'paid',
    currency: 'PKR',
    subtotal: 500_000,
    discount: 0,
    total: 500_000,
    refunded: 0,
    coupon_code: null,
    created_at: '2026-12-02T09:30:00Z',
    paid_at: '2026-12-02T09:31:00Z',
    receipt_number: 4217,
    items: [
      {
        kind: 'course',
        title: 'O Level Algebra',
        unit_amount: 500_000,
        discount: 0,
        amount: 500_000,
        course_slug: 'o-level-algebra',
        session_id: null,
        listing_slug: null,
      },
    ],
    payments: [],
    can_pay: false,
    can_refund: true,
    receipt_url: null,
    buyer: { id: 'c0000000-0000-4000-8000-000000000001', name: 'Bilal Ahmed', email: 'bilal@example.pk' },
    ...overrides,
  }
}

export function buildReferrals(overrides: Partial<ReferralSummary> = {}): ReferralSummary {
  return {
    code: 'AYESHA7',
    link: 'https://ustad.example/r/AYESHA7',
    clicks: 42,
    signups: 5,
    conversions: 2,
    earnings: [{ currency: 'PKR', pending: 15_000, credited: 30_000 }],
    recent: [
      { date: '2026-12-03T08:00:00Z', kind: 'conversion', amount: 15_000, currency: 'PKR' },
      { date: '2026-12-02T08:00:00Z', kind: 'signup', amount: null, currency: null },
      { date: '2026-12-01T08:00:00Z', kind: 'click', amount: null, currency: null },
    ],
    ...overrides,
  }
}

export const TUTOR_ID = '5b0a7c1e-3a4e-4b0a-9a53-0c2f6f1b9a11'

export function buildListing(overrides: Partial<Listing> = {}): Listing {
  const n = next()
  return {
    id: `11570000-0000-4000-8000-${n}`,
    slug: `listing-${Number(n)}`,
    title: 'Quadratics, recorded',
    description: 'Three live classes on quadratic equations.',
    currency: 'PKR',
    price_amount: 150_000,
    status: 'published',
    tutor: { id: TUTOR_ID, name: 'Ayesha Khan' },
    recording_count: 3,
    lesson_count: 1,
    owned: false,
    ...overrides,
  }
}

/** `GET /listings/{slug}`: a listing with what it holds (nothing, unless `overrides` says). */
export function buildListingDetail(overrides: Partial<ListingDetail> = {}): ListingDetail {
  return { ...buildListing(), recordings: [], lessons: [], can_edit: false, ...overrides }
}

/** A signed-in session for someone with `role` (a tutor has the tutor profile). */
export function signedInAs(role: Role, overrides: Partial<User> = {}): Route[] {
  const user = role === 'tutor' ? buildTutorUser(overrides) : buildUser({ role, ...overrides })
  return signedIn(buildSession({ user }))
}

