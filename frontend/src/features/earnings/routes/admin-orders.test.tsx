import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'

import type { AdminOrder } from '../api/types'
import { buildAdminOrder, page, signedInAs } from '../testing/factories'

beforeAll(async () => {
  await import('./admin-orders')
}, 60_000)

function ordersApi(list: () => AdminOrder[] | Response, extra: Route[] = []) {
  return mockFetch([
    ...signedInAs('admin'),
    ...extra,
    {
      method: 'GET',
      path: '/api/v1/admin/orders',
      handler: () => {
        const answer = list()
        return answer instanceof Response ? answer : json(page(answer))
      },
    },
  ])
}

const lastQuery = (api: ReturnType<typeof ordersApi>) => {
  const calls = api.calls('GET', '/api/v1/admin/orders')
  return new URL(calls[calls.length - 1]!.url).searchParams
}

describe('admin orders', { timeout: 30_000 }, () => {
  it('shows each order’s buyer, items and total, and filters and searches', async () => {
    const api = ordersApi(() => [
      buildAdminOrder({ refunded: 100_000, status: 'partially_refunded' }),
      buildAdminOrder({ can_refund: false, status: 'pending', buyer: { id: 'b2', name: 'Zara Sheikh', email: 'zara@example.pk' } }),
    ])
    const { user } = renderApp('/manage/orders')

    const bilal = await screen.findByRole('article', { name: /by Bilal Ahmed/ })
    expect(bilal).toHaveTextContent('bilal@example.pk')
    expect(bilal).toHaveTextContent('4217 ·')
    expect(within(bilal).getByRole('list', { name: 'Items' })).toHaveTextContent(/O Level Algebra.*5,000/)
    expect(within(bilal).getByText('Total').nextElementSibling).toHaveTextContent(/5,000/)
    expect(within(bilal).getByText('Refunded').nextElementSibling).toHaveTextContent(/1,000/)
    expect(within(bilal).getByText('Partly refunded')).toBeInTheDocument()
    const zara = screen.getByRole('article', { name: /by Zara Sheikh/ })
    expect(within(zara).queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument()
    expect(screen.getByText('2 orders')).toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Status'), 'paid')
    await waitFor(() => expect(lastQuery(api).get('status')).toBe('paid'))
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'bilal@example.pk')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(lastQuery(api).get('q')).toBe('bilal@example.pk'))
    expect(lastQuery(api).get('status')).toBe('paid')
  })

  it('refunds what is left after a confirmation, then asks for the list again', async () => {
    const order = buildAdminOrder({ total: 500_000, refunded: 150_000 })
    const api = ordersApi(() => [order], [
      {
        method: 'POST',
        path: `/api/v1/orders/${order.id}/refund`,
        handler: () => json({ ...order, refunded: 500_000, status: 'refunded', can_refund: false }),
      },
    ])
    const { user } = renderApp('/manage/orders')

    await user.click(await screen.findByRole('button', { name: 'Refund' }))
    const dialog = screen.getByRole('dialog', { name: 'Refund Bilal Ahmed' })
    expect(within(dialog).getByLabelText('Amount to refund (PKR)')).toHaveValue('3500')
    await user.type(within(dialog).getByLabelText('Reason'), 'Bought by mistake')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))

    expect(within(dialog).getByText(/Refund Rs\s?3,500 to Bilal Ahmed\?/)).toBeInTheDocument()
    expect(api.calls('POST', `/api/v1/orders/${order.id}/refund`)).toHaveLength(0)
    await user.click(within(dialog).getByRole('button', { name: /Refund Rs\s?3,500/ }))

    await waitFor(() => expect(api.calls('POST', `/api/v1/orders/${order.id}/refund`)).toHaveLength(1))
    expect(await api.calls('POST', `/api/v1/orders/${order.id}/refund`)[0]!.json()).toEqual({
      amount: 350_000,
      reason: 'Bought by mistake',
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(api.calls('GET', '/api/v1/admin/orders')).toHaveLength(2))
  })

  it('refunds part of an order in exact minor units and checks the amount first', async () => {
    const order = buildAdminOrder()
    const api = ordersApi(() => [order], [
      { method: 'POST', path: `/api/v1/orders/${order.id}/refund`, handler: () => json({ ...order, refunded: 123_45 }) },
    ])
    const { user } = renderApp('/manage/orders')

    await user.click(await screen.findByRole('button', { name: 'Refund' }))
    const dialog = screen.getByRole('dialog')
    const amount = within(dialog).getByLabelText('Amount to refund (PKR)')
    await user.clear(amount)
    await user.type(amount, '5000.01')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    expect(within(dialog).getByText(/At most Rs\s?5,000 can be refunded\./)).toBeInTheDocument()
    expect(within(dialog).getByText('Give a reason.')).toBeInTheDocument()

    await user.clear(amount)
    await user.type(amount, '123.45')
    await user.type(within(dialog).getByLabelText('Reason'), 'One lesson missing')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await user.click(within(dialog).getByRole('button', { name: /Refund Rs\s?123\.45/ }))
    await waitFor(() => expect(api.calls('POST', `/api/v1/orders/${order.id}/refund`)).toHaveLength(1))
    expect(await api.calls('POST', `/api/v1/orders/${order.id}/refund`)[0]!.json()).toEqual({
      amount: 12_345,
      reason: 'One lesson missing',
    })
  })

  it('shows the server’s refusal in the dialog', async () => {
    const order = buildAdminOrder()
    ordersApi(() => [order], [
      {
        method: 'POST',
        path: `/api/v1/orders/${order.id}/refund`,
        handler: () => apiError(503, 'provider_unavailable', 'The payment provider is not answering; try again in a minute.'),
      },
    ])
    const { user } = renderApp('/manage/orders')
    await user.click(await screen.findByRole('button', { name: 'Refund' }))
    const dialog = screen.getByRole('dialog')
    await user.type(within(dialog).getByLabelText('Reason'), 'Duplicate')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await user.click(within(dialog).getByRole('button', { name: /Refund Rs/ }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The payment provider is not answering')
    expect(within(dialog).getByLabelText('Reason')).toHaveValue('Duplicate')
  })

  it('shows empty, no-match and error states', async () => {
    let answer: () => Response = () => json(page([]))
    ordersApi(() => answer())
    const first = renderApp('/manage/orders')
    expect(await screen.findByText('No orders yet')).toBeInTheDocument()
    first.unmount()

    const second = renderApp('/manage/orders?q=nobody')
    expect(await screen.findByText('No orders match')).toBeInTheDocument()
    second.unmount()

    answer = () => apiError(500, 'server_error', 'Boom')
    renderApp('/manage/orders')
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the orders.")
  })

  it('is for admins only', async () => {
    const api = mockFetch([...signedInAs('student')])
    renderApp('/manage/orders')
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/admin/orders')).toHaveLength(0)
  })
})
