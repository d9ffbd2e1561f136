import { act, screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'

import type { Order } from '../api/types'
import { buildOrder, buildPaidOrder, buildPayment, buyerRoutes, COURSE, ORDER_ID } from '../testing/factories'
import { POLL_FOR_MS, POLL_MS } from './checkout-result'

beforeAll(async () => {
  await import('./checkout-result')
}, 60_000)

const RESULT = `/checkout/result?order=${ORDER_ID}`
const ORDER = `/api/v1/orders/${ORDER_ID}`

/** Answers each GET with the next order of `sequence`, then keeps answering with the last. */
function orderSequence(sequence: Order[]) {
  let index = 0
  return {
    method: 'GET',
    path: ORDER,
    handler: () => json(sequence[Math.min(index++, sequence.length - 1)]),
  }
}

const processing = buildOrder({ payments: [buildPayment({ status: 'processing' })] })

async function poll(times: number) {
  for (let i = 0; i < times; i += 1) {
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS))
  }
}

describe('checkout result', { timeout: 30_000 }, () => {
  it('asks every 1.5 s while pending, then shows the paid order with its links', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const api = mockFetch([...buyerRoutes(), orderSequence([processing, processing, buildPaidOrder()])])
    renderApp(RESULT)

    expect(await screen.findByText('Confirming your payment…')).toBeInTheDocument()
    await poll(2)

    expect(await screen.findByRole('heading', { level: 1, name: 'Payment received' })).toBeInTheDocument()
    expect(screen.getByText(/Receipt number 123/)).toBeInTheDocument()
    expect(screen.getByText('Python from zero')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Start learning' })).toHaveAttribute('href', `/learn/${COURSE}`)
    expect(screen.getByRole('link', { name: 'Download receipt' })).toHaveAttribute(
      'href',
      '/media/receipts/UST-2026-000123.pdf?signature=abc',
    )
    const asked = api.calls('GET', ORDER).length
    expect(asked).toBe(3)
    await poll(3)
    expect(api.calls('GET', ORDER)).toHaveLength(asked)
  })

  it('shows a failure with the provider’s message and a way to try again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const failed = buildOrder({
      status: 'failed',
      payments: [buildPayment({ status: 'failed', failure_code: 'insufficient_funds', failure_message: 'Insufficient funds.' })],
    })
    mockFetch([...buyerRoutes(), orderSequence([processing, failed])])
    renderApp(RESULT)

    await screen.findByText('Confirming your payment…')
    await poll(1)

    expect(await screen.findByRole('heading', { level: 1, name: 'Payment failed' })).toBeInTheDocument()
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Insufficient funds.')
    expect(within(alert).getByRole('link', { name: 'Try again' })).toHaveAttribute('href', `/checkout/${ORDER_ID}`)
  })

  it('back from a cancelled payment: says so, with "Try again"', async () => {
    const api = mockFetch([...buyerRoutes(), orderSequence([buildOrder({ payments: [buildPayment({ status: 'cancelled' })] })])])
    renderApp(`${RESULT}&cancelled=1`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Payment cancelled' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', `/checkout/${ORDER_ID}`)
    expect(api.calls('GET', ORDER)).toHaveLength(1)
  })

  it('after a minute without news, stops asking and offers to check with the provider', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const api = mockFetch([
      ...buyerRoutes(),
      orderSequence([processing]),
      { method: 'POST', path: `${ORDER}/check`, handler: () => json(buildPaidOrder()) },
    ])
    const { user } = renderApp(RESULT)

    await screen.findByText('Confirming your payment…')
    await act(() => vi.advanceTimersByTimeAsync(POLL_FOR_MS + POLL_MS))

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We have not heard from the payment provider yet' }),
    ).toBeInTheDocument()
    const asked = api.calls('GET', ORDER).length
    expect(asked).toBeGreaterThanOrEqual(40)
    expect(asked).toBeLessThanOrEqual(42)
    await poll(3)
    expect(api.calls('GET', ORDER)).toHaveLength(asked)

    await user.click(screen.getByRole('button', { name: 'Check again' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Payment received' })).toBeInTheDocument()
    expect(api.calls('POST', `${ORDER}/check`)).toHaveLength(1)
  })
})
