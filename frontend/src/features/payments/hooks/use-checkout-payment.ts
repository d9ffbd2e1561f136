import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'

import { createOrder } from '../api/create-order'
import { paymentKeys } from '../api/keys'
import { payOrder } from '../api/pay-order'
import type { OrderBody, ProviderName } from '../api/types'
import { newIdempotencyKey, useFollowRedirect } from '../utils/redirect'

/**
 * Paying from the checkout page: make the order once (under one `Idempotency-Key` for the whole checkout, so a
 * double click or a retry finds the same order), then start a payment on it and follow the provider's redirect.
 * After a failure (the provider down, a lost answer) trying again pays the same order.
 */
export function useCheckoutPayment({ body, orderId: existingOrderId }: { body?: OrderBody; orderId?: string }) {
  const queryClient = useQueryClient()
  const follow = useFollowRedirect()
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  const [orderId, setOrderId] = useState<string | null>(existingOrderId ?? null)
  const [working, setWorking] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const busy = useRef(false)

  // Back from the provider through the browser's history (the page kept in memory): the button works again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return
      busy.current = false
      setWorking(false)
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [])

  const pay = async (provider: ProviderName) => {
    if (busy.current) return
    busy.current = true
    setWorking(true)
    setError(null)
    try {
      let id = orderId
      if (!id) {
        if (!body) throw new Error('Nothing to order')
        const order = await createOrder(body, idempotencyKey)
        id = order.id
        setOrderId(id)
        queryClient.setQueryData(paymentKeys.order(id), order)
        void queryClient.invalidateQueries({ queryKey: paymentKeys.orders, exact: false })
      }
      follow(await payOrder(id, provider))
    } catch (caught) {
      busy.current = false
      setWorking(false)
      setError(caught)
    }
  }

  /** A different purchase (another coupon) before any order exists needs a key of its own. */
  const renewKey = () => {
    if (!orderId) setIdempotencyKey(newIdempotencyKey())
  }

  return { pay, working, error, orderId, renewKey, clearError: () => setError(null) }
}
