import { queryOptions, useQuery } from '@tanstack/react-query'

import { apiClient } from '@/api/client'
import { unwrap } from '@/lib/errors'

/** `GET /certificates/{code}`: public verification; 404 when no certificate has the code. */
export function getCertificate(code: string, signal?: AbortSignal) {
  return unwrap(apiClient.GET('/api/v1/certificates/{code}', { params: { path: { code } }, signal }))
}

export const certificateQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['certificates', 'verify', code.toUpperCase()],
    queryFn: ({ signal }) => getCertificate(code, signal),
  })

export function useCertificate(code: string) {
  return useQuery(certificateQueryOptions(code))
}
