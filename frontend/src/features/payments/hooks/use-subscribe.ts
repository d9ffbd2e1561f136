import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'

import { createSubscription } from '../api/create-subscription'
import { paymentKeys } from '../api/keys'
import type { ProviderName } from '../api/types'
import { newIdempotencyKey, useFollowRedirect } from '../utils/redirect'

/**
 * Subscribing to one plan: one `Idempotency-Key` per attempt (kept for retries, so the server makes one
 * subscription however often it is sent), then off to the provider like a checkout.
 */
export function useSubscribe(plan: string) {
  const queryClient = useQueryClient()
  const follow = useFollowRedirect()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [working, setWorking] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const busy = useRef(false)

  const subscribe = async (provider: ProviderName) => {
    if (busy.current) return
    busy.current = true
    setWorking(true)
    setError(null)
    try {
      const started = await createSubscription({ plan, provider }, idempotencyKey)
      void queryClient.invalidateQueries({ queryKey: paymentKeys.subscriptions })
      follow(started)
    } catch (caught) {
      busy.current = false
      setWorking(false)
      setError(caught)
    }
  }

  return { subscribe, working, error }
}
