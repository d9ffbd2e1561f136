import { useQuery } from '@tanstack/react-query'

import { earningKeys } from './keys'
import { apiRequest } from './request'
import type { ReferralSummary } from './types'

/** `GET /referrals/me`: the caller's referral link and what it brought. */
export function getReferrals(signal?: AbortSignal): Promise<ReferralSummary> {
  return apiRequest('GET', '/referrals/me', { signal })
}

export function useReferrals() {
  return useQuery({ queryKey: earningKeys.referrals, queryFn: ({ signal }) => getReferrals(signal) })
}
