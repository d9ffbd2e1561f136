import { screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { i18n } from '@/lib/i18n'
import { buildSession, buildUser } from '@/testing/factories'
import { json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, signedIn } from '@/testing/routes'

import { buildOrder, buildPaidOrder, mediumDate } from '../testing/factories'

beforeAll(async () => {
  await import('./my-purchases')
}, 60_000)

function page(results: unknown[], count = results.length) {
  return json({ count, next: count > results.length ? '/api/v1/orders?page=2' : null, previous: null, results })
}

describe('my purchases', { timeout: 30_000 }, () => {
  it('lists orders with their state, totals, items, receipts, refunds and "Pay now" for open ones', async () => {
    const pending = buildOrder({ id: 'o-pending', created_at: '2026-03-05T10:00:00Z' })
    const refunded = buildPaidOrder({
      id: 'o-refunded',
      status: 'partially_refunded',
      refunded: 100000,
      discount: 50000,
      total: 200000,
      coupon_code: 'EID20',
      created_at: '2026-02-01T10:00:00Z',
    })
    const api = mockFetch([
      ...signedIn(buildSession()),
      { method: 'GET', path: '/api/v1/orders', handler: () => page([pending, refunded], 13) },
    ])
    const { user } = renderApp('/')

    expect(await screen.findByRole('link', { name: 'Subscription' })).toHaveAttribute('href', '/my/subscription')
    await user.click(screen.getByRole('link', { name: 'My purchases' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'My purchases' })).toBeInTheDocument()
    const open = await screen.findByRole('article', { name: `Order of ${mediumDate(pending.created_at)}` })
    expect(within(open).getByText('Awaiting payment')).toBeInTheDocument()
    expect(within(open).getByRole('link', { name: /^Pay now/ })).toHaveAttribute('href', '/checkout/o-pending')
    expect(within(open).queryByRole('link', { name: /^Receipt/ })).not.toBeInTheDocument()

    const done = screen.getByRole('article', { name: `Order of ${mediumDate(refunded.created_at)}` })
    expect(within(done).getByText('Partly refunded')).toBeInTheDocument()
    expect(within(done).getByRole('link', { name: 'Python from zero' })).toHaveAttribute('href', '/courses/python-from-zero')
    expect(within(done).getByText('Discount (EID20)')).toBeInTheDocument()
    expect(within(done).getByText('Refunded').nextElementSibling).toHaveTextContent(/Rs\s?1,000/)
    expect(within(done).getByRole('link', { name: /^Receipt/ })).toHaveAttribute('href', refunded.receipt_url)
    expect(within(done).queryByRole('link', { name: /^Pay now/ })).not.toBeInTheDocument()

    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument()
    expect(new URL(api.calls('GET', '/api/v1/orders')[0]!.url).searchParams.get('page_size')).toBe('12')
  })

  it('empty: points to the catalogue', async () => {
    mockFetch([...signedIn(buildSession()), { method: 'GET', path: '/api/v1/orders', handler: () => page([]) }])
    renderApp('/my/purchases')

    expect(await screen.findByText("You haven't bought anything yet.")).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Browse courses' })).toHaveAttribute('href', '/courses')
  })

  it('speaks Urdu too', async () => {
    await i18n.changeLanguage('ur')
    mockFetch([...signedIn(buildSession({ user: buildUser({ language: 'ur' }) })), { method: 'GET', path: '/api/v1/orders', handler: () => page([]) }])
    renderApp('/my/purchases')

    expect(await screen.findByRole('heading', { level: 1, name: 'میری خریداریاں' })).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'مرکزی' })
    expect(within(nav).getByRole('link', { name: 'سبسکرپشن' })).toHaveAttribute('href', '/my/subscription')
    expect(await screen.findByText('آپ نے ابھی تک کچھ نہیں خریدا۔')).toBeInTheDocument()
  })

  it('asks a visitor to sign in first', async () => {
    mockFetch([anonymous])
    const { router } = renderApp('/my/purchases')

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeInTheDocument()
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/my/purchases')}`)
  })
})
