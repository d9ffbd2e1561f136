import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { buildCourseCard, buildSession } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

import type { Subscription } from '../api/types'
import { buildPlan, buildSubscription, mediumDate, PROVIDERS } from '../testing/factories'
import { browser } from '../utils/redirect'

beforeAll(async () => {
  await import('./my-subscription')
  await import('./plan-courses')
}, 60_000)

const PLANS = [buildPlan(), buildPlan({ id: 'plan-2', slug: 'science', name: 'Science', price_amount: 90000, included_course_count: 1 })]

function routes(subscriptions: Subscription[] | (() => Subscription[]), extra: Route[] = []): Route[] {
  return [
    ...signedIn(buildSession()),
    { method: 'GET', path: '/api/v1/plans', handler: () => json(PLANS) },
    { method: 'GET', path: '/api/v1/subscriptions', handler: () => json(typeof subscriptions === 'function' ? subscriptions() : subscriptions) },
    { method: 'GET', path: '/api/v1/payments/providers', handler: () => json(PROVIDERS) },
    ...extra,
  ]
}

describe('my subscription', { timeout: 30_000 }, () => {
  it('shows the plans and my subscription with its renewal date', async () => {
    mockFetch(routes([buildSubscription()]))
    renderApp('/my/subscription')

    const mine = await within(await screen.findByRole('region', { name: 'My subscriptions' })).findByRole('article', {
      name: 'All access',
    })
    expect(within(mine).getByText('Active')).toBeInTheDocument()
    expect(within(mine).getByText(`Renews on ${mediumDate('2026-04-01T10:00:00Z')}.`)).toBeInTheDocument()
    const plans = within(screen.getByRole('region', { name: 'Plans' }))
    const allAccess = plans.getByRole('article', { name: 'All access' })
    expect(within(allAccess).getByText('Your plan')).toBeInTheDocument()
    expect(within(allAccess).queryByRole('button', { name: /Subscribe/ })).not.toBeInTheDocument()
    const science = plans.getByRole('article', { name: 'Science' })
    expect(within(science).getByText(/^Rs\s?900 a month$/)).toBeInTheDocument()
    expect(within(science).getByText('1 course included')).toBeInTheDocument()
    expect(within(science).getByRole('link', { name: 'See the included courses: Science' })).toHaveAttribute(
      'href',
      '/my/subscription/plans/science',
    )
  })

  it('cancelling asks first, saying access lasts until the period ends; resuming undoes it', async () => {
    let current = buildSubscription()
    const api = mockFetch(
      routes(() => [current], [
        {
          method: 'POST',
          path: '/api/v1/subscriptions/sub-1/cancel',
          handler: () => json((current = { ...current, cancel_at_period_end: true })),
        },
        {
          method: 'POST',
          path: '/api/v1/subscriptions/sub-1/resume',
          handler: () => json((current = { ...current, cancel_at_period_end: false })),
        },
      ]),
    )
    const { user } = renderApp('/my/subscription')
    const until = mediumDate('2026-04-01T10:00:00Z')

    await user.click(await screen.findByRole('button', { name: 'Cancel subscription' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel your All access subscription?' })
    expect(dialog).toHaveAccessibleDescription(`You keep access until ${until}. It will not renew after that.`)
    await user.click(within(dialog).getByRole('button', { name: 'Keep subscription' }))
    expect(api.calls('POST', '/api/v1/subscriptions/sub-1/cancel')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Cancel subscription' }))
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel subscription' }),
    )

    expect(await screen.findByText(`Cancelled: you keep access until ${until}.`)).toBeInTheDocument()
    expect(api.calls('POST', '/api/v1/subscriptions/sub-1/cancel')).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    expect(await screen.findByText(`Renews on ${until}.`)).toBeInTheDocument()
    expect(api.calls('POST', '/api/v1/subscriptions/sub-1/resume')).toHaveLength(1)
  })

  it('warns about an overdue payment with the end of the grace period', async () => {
    mockFetch(
      routes([buildSubscription({ status: 'past_due', past_due_since: '2026-04-01T10:00:00Z', grace_ends_at: '2026-04-08T10:00:00Z' })]),
    )
    renderApp('/my/subscription')

    const mine = await within(await screen.findByRole('region', { name: 'My subscriptions' })).findByRole('article', {
      name: 'All access',
    })
    expect(within(mine).getByText('Payment overdue')).toBeInTheDocument()
    expect(within(mine).getByRole('status')).toHaveTextContent(
      `Your last payment did not go through${'Please pay by '}${mediumDate('2026-04-08T10:00:00Z')} to keep your access.`,
    )
  })

  it('subscribes with the chosen provider under one key, and retries with the same key after an outage', async () => {
    let attempts = 0
    const api = mockFetch(
      routes([], [
        {
          method: 'POST',
          path: '/api/v1/subscriptions',
          handler: () =>
            ++attempts === 1
              ? apiError(503, 'provider_unavailable', 'Try again in a minute.')
              : json(
                  {
                    subscription: buildSubscription({ status: 'incomplete' }),
                    redirect_url: 'https://checkout.stripe.com/c/pay/cs_test_1',
                    form_fields: {},
                  },
                  201,
                ),
        },
      ]),
    )
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {})
    const { user } = renderApp('/my/subscription')

    expect(await screen.findByText("You don't have a subscription yet.")).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Subscribe: All access' }))
    const dialog = within(screen.getByRole('dialog', { name: 'Subscribe to All access' }))
    await user.click(await dialog.findByRole('radio', { name: 'JazzCash' }))
    await user.click(dialog.getByRole('button', { name: /^Subscribe for Rs\s?1,500$/ }))

    expect(await dialog.findByRole('alert')).toHaveTextContent('Your order is saved: please try again in a minute.')
    await user.click(dialog.getByRole('button', { name: 'Try again' }))

    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_test_1'))
    const [first, second] = api.calls('POST', '/api/v1/subscriptions')
    expect(first!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/)
    expect(second!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'))
    expect(await second!.json()).toEqual({ plan: 'all-access', provider: 'jazzcash' })
  })

  it('lists the courses a plan includes', async () => {
    mockFetch(
      routes([], [
        {
          method: 'GET',
          path: '/api/v1/plans/science/courses',
          handler: () =>
            json({ count: 1, next: null, previous: null, results: [buildCourseCard({ slug: 'physics-1', title: 'Physics 1' })] }),
        },
      ]),
    )
    const { user } = renderApp('/my/subscription')

    await user.click(await screen.findByRole('link', { name: 'See the included courses: Science' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Courses in Science' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Physics 1' })).toHaveAttribute('href', '/courses/physics-1')
  })
})
