/** Query keys of the earning screens; each group shares a prefix so one invalidation refreshes it all. */
export const earningKeys = {
  earnings: ['earnings'] as const,
  payouts: ['payouts'] as const,
  payoutList: (status: string, page: number) => ['payouts', status, page] as const,
  adminOrders: ['admin-orders'] as const,
  adminOrderList: (status: string, q: string, page: number) => ['admin-orders', status, q, page] as const,
  referrals: ['referrals', 'me'] as const,
  listings: ['listings'] as const,
  listingList: (q: string, tutor: string, page: number) => ['listings', 'list', q, tutor, page] as const,
  listing: (slug: string) => ['listings', 'detail', slug] as const,
  listingContent: (slug: string) => ['listings', 'content', slug] as const,
  taughtCourses: ['courses', 'teaching', 'listing-picker'] as const,
}

/** Admin lists show this many rows a page (the API's pages are 12 by default, 100 at most). */
export const PAGE_SIZE = 20

/** How many pages `count` rows make at `PAGE_SIZE`. */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / PAGE_SIZE))
}
