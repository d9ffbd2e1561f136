import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { earningKeys, PAGE_SIZE } from './keys'
import { apiRequest } from './request'
import type { ListingContent, ListingDetail, ListingPage } from './types'

/** `GET /listings?q=&tutor=`: listings on sale; with the caller's own id as `tutor`, their drafts too. */
export function getListings(
  { q = '', tutor = '', page = 1 }: { q?: string; tutor?: string; page?: number },
  signal?: AbortSignal,
): Promise<ListingPage> {
  return apiRequest('GET', '/listings', {
    query: { q, tutor, page: page > 1 ? page : null, page_size: PAGE_SIZE },
    signal,
  })
}

export function useListings({ q = '', tutor = '', page = 1 }: { q?: string; tutor?: string; page?: number }, enabled = true) {
  return useQuery({
    queryKey: earningKeys.listingList(q, tutor, page),
    queryFn: ({ signal }) => getListings({ q, tutor, page }, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

/** `GET /listings/{slug}`: drafts answer 404 to all but their tutor and admins. */
export function getListing(slug: string, signal?: AbortSignal): Promise<ListingDetail> {
  return apiRequest('GET', `/listings/${encodeURIComponent(slug)}`, { signal })
}

export function useListing(slug: string) {
  return useQuery({ queryKey: earningKeys.listing(slug), queryFn: ({ signal }) => getListing(slug, signal) })
}

/** `GET /listings/{slug}/content`: signed video links; 403 `payment_required` for those who have not bought it. */
export function getListingContent(slug: string, signal?: AbortSignal): Promise<ListingContent> {
  return apiRequest('GET', `/listings/${encodeURIComponent(slug)}/content`, { signal })
}

export function useListingContent(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: earningKeys.listingContent(slug),
    queryFn: ({ signal }) => getListingContent(slug, signal),
    enabled,
  })
}
