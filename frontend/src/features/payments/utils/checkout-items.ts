import type { OrderItemInput } from '../api/types'

/** What `/checkout?course=…` (or `session=…`, `listing=…`) asks to buy; empty when it names nothing. */
export function itemsFromSearch(search: URLSearchParams): OrderItemInput[] {
  const items: OrderItemInput[] = []
  for (const course of search.getAll('course')) if (course) items.push({ kind: 'course', course })
  for (const session of search.getAll('session')) if (session) items.push({ kind: 'live_seat', session })
  for (const listing of search.getAll('listing')) if (listing) items.push({ kind: 'listing', listing })
  return items
}

/** Where the buyer finds something they already have (for 409 `already_enrolled`). */
export function ownedItemPath(items: readonly OrderItemInput[]): string | null {
  const first = items[0]
  if (!first) return null
  if (first.kind === 'course' && first.course) return `/courses/${encodeURIComponent(first.course)}`
  if (first.kind === 'live_seat') return '/my/classes'
  return null
}
