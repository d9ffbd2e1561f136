import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { sharedQueryKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/errors'

/** The server pages the list 12 at a time. */
export const MY_CERTIFICATES_PAGE_SIZE = 12

/** `GET /me/certificates?page=`: the signed-in student's certificates, newest first. */
export function getMyCertificates(page: number, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/me/certificates', { params: { query: page > 1 ? { page } : {} }, signal }))
}

/** Keyed under `myCertificates` so the notifications socket refreshes it when a certificate is issued. */
export const myCertificatesQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...sharedQueryKeys.myCertificates, page],
    queryFn: ({ signal }) => getMyCertificates(page, signal),
    placeholderData: keepPreviousData,
  })

export function useMyCertificates(page: number) {
  return useQuery(myCertificatesQueryOptions(page))
}
