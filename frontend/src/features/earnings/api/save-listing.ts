import { useMutation, useQueryClient } from '@tanstack/react-query'

import { earningKeys } from './keys'
import { apiRequest } from './request'
import type { ListingBody, ListingDetail, ListingUpdateBody } from './types'

/** `POST /listings` (tutors): a new draft. */
export function createListing(body: ListingBody): Promise<ListingDetail> {
  return apiRequest('POST', '/listings', { body })
}

/** `PATCH /listings/{slug}`: `recordings`/`lessons`, when sent, replace the lists (409 `listing_has_buyers`). */
export function updateListing({ slug, body }: { slug: string; body: ListingUpdateBody }): Promise<ListingDetail> {
  return apiRequest('PATCH', `/listings/${encodeURIComponent(slug)}`, { body })
}

/** `POST /listings/{slug}/publish` (on sale; 400 `listing_empty`) or `/archive` (no longer sold; buyers keep it). */
export function changeListingStatus({ slug, action }: { slug: string; action: 'publish' | 'archive' }): Promise<ListingDetail> {
  return apiRequest('POST', `/listings/${encodeURIComponent(slug)}/${action}`)
}

function useRefreshListings() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: earningKeys.listings })
}

export function useCreateListing() {
  const refresh = useRefreshListings()
  return useMutation({ mutationFn: createListing, onSuccess: refresh })
}

export function useUpdateListing() {
  const refresh = useRefreshListings()
  return useMutation({ mutationFn: updateListing, onSuccess: refresh })
}

export function useChangeListingStatus() {
  const refresh = useRefreshListings()
  return useMutation({ mutationFn: changeListingStatus, onSettled: refresh })
}
