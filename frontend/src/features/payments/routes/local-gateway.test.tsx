import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'

import { buildLocalPayment, buildOrder, buyerRoutes, ORDER_ID, PAYMENT_ID } from '../testing/factories'
import { DECLINE_PAUSE_MS } from './local-gateway'

beforeAll(async () => {
  await import('./local-gateway')
  await import('./checkout-result')
}, 60_000)

const GATEWAY = `/pay/local/${PAYMENT_ID}`
const PAY = `/api/v1/payments/local/${PAYMENT_ID}/pay`
const RESULT = `/checkout/result?order=${ORDER_ID}`

function gatewayRoutes(pay: Route['handler']): Route[] {
  return [
    ...buyerRoutes(),
    { method: 'GET', path: `/api/v1/payments/local/${PAYMENT_ID}`, handler: () => json(buildLocalPayment()) },
    { method: 'POST', path: PAY, handler: pay },
    { method: 'GET', path: `/api/v1/orders/${ORDER_ID}`, handler: () => json(buildOrder()) },
  ]
}

async function fillCard(user: ReturnType<typeof renderApp>['user'], card: RegExp) {
  await user.click(await screen.findByRole('button', { name: card }))
  await user.type(screen.getByRole('textbox', { name: 'Expiry (MM/YY)' }), '0429')
  await user.type(screen.getByRole('textbox', { name: 'CVC' }), '123')
  await user.type(screen.getByRole('textbox', { name: 'Name on card' }), 'Ayesha Khan')
}

describe('local test gateway', { timeout: 30_000 }, () => {
  it('shows the amount and description; a test card fills the number; success goes back to the shop', async () => {
    const api = mockFetch(
      gatewayRoutes(() => json({ status: 'succeeded', message: 'Payment approved.', redirect_url: RESULT })),
    )
    const { user, router } = renderApp(GATEWAY)

    expect(await screen.findByRole('heading', { level: 1, name: /Ustad test gateway/ })).toBeInTheDocument()
    expect(await screen.findByText(/^Rs\s?2,500$/)).toBeInTheDocument()
    expect(screen.getByText('Python from zero')).toBeInTheDocument()
    const cards = screen.getByRole('region', { name: 'Test cards' })
    expect(within(cards).getAllByRole('button')).toHaveLength(4)

    await fillCard(user, /4242 4242 4242 4242/)
    expect(screen.getByRole('textbox', { name: 'Card number' })).toHaveValue('4242 4242 4242 4242')
    expect(screen.getByRole('textbox', { name: 'Expiry (MM/YY)' })).toHaveValue('04/29')
    await user.click(screen.getByRole('button', { name: /^Pay Rs/ }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/result'))
    expect(router.state.location.search).toBe(`?order=${ORDER_ID}`)
    expect(await api.calls('POST', PAY)[0]!.json()).toEqual({
      card_number: '4242 4242 4242 4242',
      expiry: '04/29',
      cvc: '123',
      name: 'Ayesha Khan',
    })
  })

  it('a declined card: shows the bank message, then goes back to the result page', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    mockFetch(gatewayRoutes(() => json({ status: 'failed', message: 'Your card was declined.', redirect_url: RESULT })))
    const { user, router } = renderApp(GATEWAY)

    await fillCard(user, /4000 0000 0000 0002/)
    await user.click(screen.getByRole('button', { name: /^Pay Rs/ }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Payment not completed')
    expect(alert).toHaveTextContent('Your card was declined.')
    expect(router.state.location.pathname).toBe(GATEWAY)

    await act(() => vi.advanceTimersByTimeAsync(DECLINE_PAUSE_MS + 100))
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/result'))
  })

  it('a card that needs authentication asks for the one-time code, then sends it', async () => {
    const api = mockFetch(
      gatewayRoutes(async (request) => {
        const body = (await request.json()) as { otp?: string }
        if (!body.otp) return json({ status: 'requires_authentication', message: 'Enter the code.', redirect_url: RESULT })
        return json({ status: 'succeeded', message: 'Payment approved.', redirect_url: RESULT })
      }),
    )
    const { user, router } = renderApp(GATEWAY)

    await fillCard(user, /4000 0027 6000 3184/)
    await user.click(screen.getByRole('button', { name: /^Pay Rs/ }))

    const code = await screen.findByRole('textbox', { name: 'One-time code' })
    expect(code).toHaveAccessibleDescription('Enter 123456 (the test code).')
    await user.click(screen.getByRole('button', { name: 'Confirm' }))
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Enter the one-time code.'))
    await user.type(code, '123456')
    await user.click(screen.getByRole('button', { name: 'Confirm' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/result'))
    const calls = api.calls('POST', PAY)
    expect(calls).toHaveLength(2)
    expect(await calls[1]!.json()).toEqual({
      card_number: '4000 0027 6000 3184',
      expiry: '04/29',
      cvc: '123',
      name: 'Ayesha Khan',
      otp: '123456',
    })
  })

  it('checks the form first, then shows the server’s field errors beside their fields', async () => {
    const api = mockFetch(
      gatewayRoutes(() =>
        apiError(400, 'validation_error', 'Enter a valid card number.', { card_number: ['Enter a valid card number.'] }),
      ),
    )
    const { user } = renderApp(GATEWAY)

    await user.click(await screen.findByRole('button', { name: /^Pay Rs/ }))
    const expiry = screen.getByRole('textbox', { name: 'Expiry (MM/YY)' })
    expect(expiry).toHaveAccessibleDescription(expect.stringContaining('Enter the expiry date.'))
    expect(screen.getByRole('textbox', { name: 'Card number' })).toHaveFocus()
    expect(api.calls('POST', PAY)).toHaveLength(0)

    await user.type(screen.getByRole('textbox', { name: 'Card number' }), '1234')
    await user.type(expiry, '1329')
    await user.type(screen.getByRole('textbox', { name: 'CVC' }), '1')
    await user.type(screen.getByRole('textbox', { name: 'Name on card' }), 'A')
    await user.click(screen.getByRole('button', { name: /^Pay Rs/ }))
    expect(expiry).toHaveAccessibleDescription(expect.stringContaining('Enter the expiry date as MM/YY'))

    await user.clear(expiry)
    await user.type(expiry, '0429')
    await user.click(screen.getByRole('button', { name: /^Pay Rs/ }))
    const number = screen.getByRole('textbox', { name: 'Card number' })
    await waitFor(() => expect(number).toHaveAttribute('aria-invalid', 'true'))
    expect(number).toHaveAccessibleDescription(expect.stringContaining('Enter a valid card number.'))
    expect(api.calls('POST', PAY)).toHaveLength(1)
  })

  it('"Cancel" tells the gateway and follows its way back', async () => {
    const api = mockFetch([
      ...gatewayRoutes(() => json({})),
      {
        method: 'POST',
        path: `/api/v1/payments/local/${PAYMENT_ID}/cancel`,
        handler: () => json({ redirect_url: `${RESULT}&cancelled=1` }),
      },
    ])
    const { user, router } = renderApp(GATEWAY)

    await user.click(await screen.findByRole('button', { name: 'Cancel and go back' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/result'))
    expect(router.state.location.search).toBe(`?order=${ORDER_ID}&cancelled=1`)
    expect(api.calls('POST', `/api/v1/payments/local/${PAYMENT_ID}/cancel`)).toHaveLength(1)
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment cancelled' })).toBeInTheDocument()
  })

  it('a finished payment cannot be paid again', async () => {
    mockFetch([
      ...buyerRoutes(),
      {
        method: 'GET',
        path: `/api/v1/payments/local/${PAYMENT_ID}`,
        handler: () => json(buildLocalPayment({ status: 'succeeded' })),
      },
    ])
    renderApp(GATEWAY)

    expect(await screen.findByText('This payment is already finished.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to Ustad' })).toHaveAttribute('href', RESULT)
    expect(screen.queryByRole('textbox', { name: 'Card number' })).not.toBeInTheDocument()
  })
})
