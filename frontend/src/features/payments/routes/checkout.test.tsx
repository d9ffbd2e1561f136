import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'

import { buildOrder, buildQuote, buyerRoutes, COURSE, ORDER_ID, PAYMENT_ID } from '../testing/factories'
import { browser } from '../utils/redirect'

beforeAll(async () => {
  await import('./checkout')
}, 60_000)

const CHECKOUT = `/checkout?course=${COURSE}`

function quoteRoute() {
  return {
    method: 'POST',
    path: '/api/v1/orders/quote',
    handler: async (request: Request) => {
      const body = (await request.json()) as { coupon?: string }
      if (!body.coupon) return json(buildQuote())
      if (body.coupon !== 'EID20') return apiError(400, 'coupon_invalid', 'This coupon has expired.')
      return json(
        buildQuote({
          discount: 50000,
          total: 200000,
          items: [{ kind: 'course', title: 'Python from zero', unit_amount: 250000, discount: 50000, amount: 200000 }],
        }),
      )
    },
  }
}

function orderRoute() {
  return { method: 'POST', path: '/api/v1/orders', handler: () => json(buildOrder(), 201) }
}

function payRoute(handler: () => Response = () => payLocal()) {
  return { method: 'POST', path: `/api/v1/orders/${ORDER_ID}/pay`, handler }
}

function payLocal() {
  return json(
    { payment: { id: PAYMENT_ID, provider: 'local', status: 'created' }, redirect_url: `/pay/local/${PAYMENT_ID}`, form_fields: {} },
    201,
  )
}

async function summary() {
  return within(await screen.findByRole('region', { name: 'Your order' }))
}

describe('checkout', { timeout: 30_000 }, () => {
  it('shows what is bought, its price and the providers for its currency, the first chosen', async () => {
    const api = mockFetch([...buyerRoutes(), quoteRoute()])
    renderApp(CHECKOUT)

    const order = await summary()
    expect(await order.findByText('Python from zero')).toBeInTheDocument()
    expect(order.getByText('Course')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Checkout' })).toBeInTheDocument()
    const methods = await screen.findByRole('group', { name: 'Pay with' })
    expect(within(methods).getByRole('radio', { name: 'Test card (local)' })).toBeChecked()
    expect(within(methods).getByRole('radio', { name: 'JazzCash' })).not.toBeChecked()
    expect(screen.getByRole('button', { name: /^Pay Rs\s?2,500$/ })).toBeEnabled()
    expect(new URL(api.calls('GET', '/api/v1/payments/providers')[0]!.url).searchParams.get('currency')).toBe('PKR')
    expect(await api.calls('POST', '/api/v1/orders/quote')[0]!.json()).toEqual({ items: [{ kind: 'course', course: COURSE }] })
  })

  it('applies a coupon: the discount and the new total; a bad code is refused beside the field', async () => {
    mockFetch([...buyerRoutes(), quoteRoute()])
    const { user } = renderApp(CHECKOUT)
    const order = await summary()
    await order.findByText('Python from zero')

    const field = order.getByRole('textbox', { name: /Coupon code/ })
    await user.type(field, 'OLD10')
    await user.click(order.getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining('This coupon code cannot be used for this purchase.')))
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(order.queryByText('Discount')).not.toBeInTheDocument()

    await user.clear(field)
    await user.type(field, 'EID20')
    await user.click(order.getByRole('button', { name: 'Apply' }))
    expect(await order.findByText('Discount (EID20)')).toBeInTheDocument()
    expect(order.getByText('Coupon EID20 applied.')).toBeInTheDocument()
    expect(field).not.toHaveAttribute('aria-invalid')
    expect(screen.getByRole('button', { name: /^Pay Rs\s?2,000$/ })).toBeInTheDocument()
  })

  it('a double click makes one order under one key, then goes to the provider', async () => {
    const api = mockFetch([...buyerRoutes(), quoteRoute(), orderRoute(), payRoute()])
    const { user, router } = renderApp(CHECKOUT)

    await user.dblClick(await screen.findByRole('button', { name: /^Pay Rs/ }))

    await waitFor(() => expect(router.state.location.pathname).toBe(`/pay/local/${PAYMENT_ID}`))
    const orders = api.calls('POST', '/api/v1/orders')
    expect(orders).toHaveLength(1)
    expect(orders[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await orders[0]!.json()).toEqual({ items: [{ kind: 'course', course: COURSE }] })
    expect(api.calls('POST', `/api/v1/orders/${ORDER_ID}/pay`)).toHaveLength(1)
    expect(await api.calls('POST', `/api/v1/orders/${ORDER_ID}/pay`)[0]!.json()).toEqual({ provider: 'local' })
  })

  it('retrying after a lost answer sends the same key again, with the chosen provider and coupon', async () => {
    let attempts = 0
    const api = mockFetch([
      ...buyerRoutes(),
      quoteRoute(),
      {
        method: 'POST',
        path: '/api/v1/orders',
        handler: () => (++attempts === 1 ? apiError(502, 'server_error', 'Bad gateway') : json(buildOrder(), 200)),
      },
      payRoute(() =>
        json({ payment: { id: PAYMENT_ID, provider: 'jazzcash', status: 'created' }, redirect_url: 'https://sandbox.jazzcash.com.pk/pay', form_fields: {} }, 201),
      ),
    ])
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {})
    const { user } = renderApp(CHECKOUT)
    const order = await summary()
    await order.findByText('Python from zero')
    await user.type(order.getByRole('textbox', { name: /Coupon code/ }), 'EID20')
    await user.click(order.getByRole('button', { name: 'Apply' }))
    await order.findByText('Discount (EID20)')
    await user.click(await screen.findByRole('radio', { name: 'JazzCash' }))

    await user.click(screen.getByRole('button', { name: /^Pay Rs/ }))
    const alert = await screen.findByRole('alert')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://sandbox.jazzcash.com.pk/pay'))
    const [first, second] = api.calls('POST', '/api/v1/orders')
    expect(second!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'))
    expect(await second!.json()).toEqual({ items: [{ kind: 'course', course: COURSE }], coupon: 'EID20' })
    expect(await api.calls('POST', `/api/v1/orders/${ORDER_ID}/pay`)[0]!.json()).toEqual({ provider: 'jazzcash' })
  })

  it('provider outage: says so, keeps the order, and "Try again" pays the same order', async () => {
    let pays = 0
    const api = mockFetch([
      ...buyerRoutes(),
      quoteRoute(),
      orderRoute(),
      payRoute(() =>
        ++pays === 1
          ? apiError(503, 'provider_unavailable', 'The payment provider is not answering; try again in a minute.')
          : payLocal(),
      ),
    ])
    const { user, router } = renderApp(CHECKOUT)

    await user.click(await screen.findByRole('button', { name: /^Pay Rs/ }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Payment is not available right now')
    expect(alert).toHaveTextContent('Your order is saved: please try again in a minute.')
    expect(screen.getByRole('button', { name: /^Pay Rs/ })).toBeEnabled()
    expect(screen.getByRole('textbox', { name: /Coupon code/ })).toBeDisabled()

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    await waitFor(() => expect(router.state.location.pathname).toBe(`/pay/local/${PAYMENT_ID}`))
    expect(api.calls('POST', '/api/v1/orders')).toHaveLength(1)
    expect(api.calls('POST', `/api/v1/orders/${ORDER_ID}/pay`)).toHaveLength(2)
  })

  it('posts a hidden form when the provider wants its fields posted', async () => {
    mockFetch([
      ...buyerRoutes(),
      quoteRoute(),
      orderRoute(),
      payRoute(() =>
        json(
          {
            payment: { id: PAYMENT_ID, provider: 'easypaisa', status: 'created' },
            redirect_url: 'https://easypay.example.pk/index.jsf',
            form_fields: { storeId: '123', amount: '2500.0', merchantHashedReq: 'abc=' },
          },
          201,
        ),
      ),
    ])
    const post = vi.spyOn(browser, 'post').mockImplementation(() => {})
    const { user } = renderApp(CHECKOUT)

    await user.click(await screen.findByRole('button', { name: /^Pay Rs/ }))

    await waitFor(() =>
      expect(post).toHaveBeenCalledWith('https://easypay.example.pk/index.jsf', {
        storeId: '123',
        amount: '2500.0',
        merchantHashedReq: 'abc=',
      }),
    )
    expect(screen.getByRole('button', { name: /Taking you to payment/ })).toBeDisabled()
  })

  it('already enrolled: says so with a link to the course instead of a pay button', async () => {
    mockFetch([
      ...buyerRoutes(),
      { method: 'POST', path: '/api/v1/orders/quote', handler: () => apiError(409, 'already_enrolled', 'Already enrolled.') },
    ])
    renderApp(CHECKOUT)

    expect(await screen.findByText('You already have this course.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the course' })).toHaveAttribute('href', `/courses/${COURSE}`)
    expect(screen.queryByRole('button', { name: /^Pay/ })).not.toBeInTheDocument()
  })

  it('already enrolled when ordering: the message and the link replace the pay button', async () => {
    mockFetch([
      ...buyerRoutes(),
      quoteRoute(),
      { method: 'POST', path: '/api/v1/orders', handler: () => apiError(409, 'already_enrolled', 'Already enrolled.') },
    ])
    const { user } = renderApp(CHECKOUT)

    await user.click(await screen.findByRole('button', { name: /^Pay Rs/ }))

    expect(await screen.findByRole('alert')).toHaveTextContent('You already have this course.')
    expect(screen.getByRole('link', { name: 'Go to the course' })).toHaveAttribute('href', `/courses/${COURSE}`)
    expect(screen.queryByRole('button', { name: /^Pay/ })).not.toBeInTheDocument()
  })

  it('/checkout/<order>: pays an existing order after a failed attempt', async () => {
    const failed = buildOrder({
      status: 'failed',
      payments: [{ id: 'p0', provider: 'local', status: 'failed', failure_code: 'card_declined', failure_message: 'Your card was declined.', created_at: '2026-03-01T10:00:00Z' }],
    })
    const api = mockFetch([
      ...buyerRoutes(),
      { method: 'GET', path: `/api/v1/orders/${ORDER_ID}`, handler: () => json(failed) },
      payRoute(),
    ])
    const { user, router } = renderApp(`/checkout/${ORDER_ID}`)

    expect(await screen.findByText('Your card was declined.')).toBeInTheDocument()
    await user.click(await screen.findByRole('button', { name: /^Pay Rs\s?2,500$/ }))

    await waitFor(() => expect(router.state.location.pathname).toBe(`/pay/local/${PAYMENT_ID}`))
    expect(api.calls('POST', '/api/v1/orders')).toHaveLength(0)
    expect(api.calls('POST', '/api/v1/orders/quote')).toHaveLength(0)
  })

  it('works from the keyboard: Enter applies a coupon, arrows choose the provider', async () => {
    const api = mockFetch([...buyerRoutes(), quoteRoute(), orderRoute(), payRoute()])
    const { user } = renderApp(CHECKOUT)
    const order = await summary()
    await order.findByText('Python from zero')

    await user.click(order.getByRole('textbox', { name: /Coupon code/ }))
    await user.keyboard('EID20{Enter}')
    expect(await order.findByText('Discount (EID20)')).toBeInTheDocument()

    const local = await screen.findByRole('radio', { name: 'Test card (local)' })
    local.focus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('radio', { name: 'JazzCash' })).toBeChecked()
    expect(api.calls('POST', '/api/v1/orders')).toHaveLength(0)
  })

  it('without anything to buy, points to the catalogue', async () => {
    mockFetch(buyerRoutes())
    renderApp('/checkout')

    expect(await screen.findByText('There is nothing to buy here.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Browse courses' })).toHaveAttribute('href', '/courses')
  })
})
