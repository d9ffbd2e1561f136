import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { i18n } from '@/lib/i18n'
import { renderApp } from '@/testing/render-app'

import type { Earnings } from '../api/types'
import { buildBalance, buildPayout, page, signedInAs } from '../testing/factories'

beforeAll(async () => {
  await import('./earnings')
}, 60_000)

const EARNINGS: Earnings = {
  balances: [buildBalance(), buildBalance({ currency: 'USD', earned: 5_000, paid_out: 0, pending_payouts: 0, available: 5_000 })],
  recent: [
    { date: '2026-12-03T10:00:00Z', memo: 'Sale: O Level Algebra', amount: 400_000, currency: 'PKR' },
    { date: '2026-12-02T10:00:00Z', memo: 'Payout', amount: -200_000, currency: 'PKR' },
  ],
}

function earningsApi({
  earnings = json(EARNINGS),
  payouts = json(page([])),
  extra = [],
  language = 'en',
}: { earnings?: Response; payouts?: Response; extra?: Route[]; language?: 'en' | 'ur' } = {}) {
  return mockFetch([
    ...signedInAs('tutor', { language }),
    ...extra,
    { method: 'GET', path: '/api/v1/earnings', handler: () => earnings.clone() },
    { method: 'GET', path: '/api/v1/payouts', handler: () => payouts.clone() },
  ])
}

describe('tutor earnings', { timeout: 30_000 }, () => {
  it('shows each currency’s balances and the recent movements', async () => {
    earningsApi()
    renderApp('/teaching/earnings')

    expect(await screen.findByRole('heading', { level: 1, name: 'Earnings' })).toBeInTheDocument()
    const pkr = (await screen.findByRole('heading', { name: 'In PKR' })).closest('li')!
    expect(within(pkr).getByText('Earned').nextElementSibling).toHaveTextContent(/10,000/)
    expect(within(pkr).getByText('Paid out').nextElementSibling).toHaveTextContent(/2,000/)
    expect(within(pkr).getByText('Payouts on the way').nextElementSibling).toHaveTextContent(/500/)
    expect(within(pkr).getByText('Available').nextElementSibling).toHaveTextContent(/7,500/)
    const usd = screen.getByRole('heading', { name: 'In USD' }).closest('li')!
    expect(within(usd).getByText('Available').nextElementSibling).toHaveTextContent('$50')

    const table = screen.getByRole('table', { name: 'Recent movements on your account' })
    expect(within(table).getByRole('row', { name: /Sale: O Level Algebra/ })).toHaveTextContent(/4,000/)
    expect(within(table).getByRole('row', { name: /Payout/ })).toHaveTextContent(/-.*2,000/)
    expect(await screen.findByText("You haven't asked for a payout yet")).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Earnings · Ustad'))
  })

  it('says when there is nothing yet', async () => {
    earningsApi({ earnings: json({ balances: [], recent: [] }) })
    renderApp('/teaching/earnings')
    expect(await screen.findByText('No earnings yet')).toBeInTheDocument()
    expect(screen.getByText('Nothing has happened on your account yet')).toBeInTheDocument()
  })

  it('shows a retry when earnings fail to load', async () => {
    let fail = true
    mockFetch([
      ...signedInAs('tutor'),
      {
        method: 'GET',
        path: '/api/v1/earnings',
        handler: () => (fail ? apiError(500, 'server_error', 'Boom') : json(EARNINGS)),
      },
      { method: 'GET', path: '/api/v1/payouts', handler: () => json(page([])) },
    ])
    const { user } = renderApp('/teaching/earnings')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't load your earnings.")
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: 'In PKR' })).toBeInTheDocument()
  })

  it('lists my payout requests with their status', async () => {
    earningsApi({
      payouts: json(
        page([
          buildPayout({ status: 'paid', amount: 100_000, note: 'TRX-778', paid_at: '2026-12-04T10:00:00Z' }),
          buildPayout({ status: 'rejected', note: 'Wrong IBAN' }),
        ]),
      ),
    })
    renderApp('/teaching/earnings')
    const table = await screen.findByRole('table', { name: 'My payout requests' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('Paid')
    expect(rows[0]).toHaveTextContent('TRX-778')
    expect(rows[0]).toHaveTextContent(/1,000/)
    expect(rows[1]).toHaveTextContent('Rejected')
    expect(rows[1]).toHaveTextContent('Wrong IBAN')
  })

  it('sends the amount in exact minor units, then refreshes balances and requests', async () => {
    const api = earningsApi({
      extra: [{ method: 'POST', path: '/api/v1/payouts', handler: () => json(buildPayout({ amount: 123_456 }), 201) }],
    })
    const { user } = renderApp('/teaching/earnings')

    await user.type(await screen.findByLabelText('Amount'), '1,234.56')
    await user.type(screen.getByLabelText('Where to send it'), 'JazzCash 0300 1234567')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))

    await waitFor(() => expect(api.calls('POST', '/api/v1/payouts')).toHaveLength(1))
    expect(await api.calls('POST', '/api/v1/payouts')[0]!.json()).toEqual({
      amount: 123_456,
      currency: 'PKR',
      method: 'JazzCash 0300 1234567',
    })
    expect(await screen.findByText(/We have your request for/)).toBeInTheDocument()
    await waitFor(() => expect(api.calls('GET', '/api/v1/earnings')).toHaveLength(2))
    expect(api.calls('GET', '/api/v1/payouts').length).toBeGreaterThanOrEqual(2)
    expect(screen.getByLabelText('Amount')).toHaveValue('')
  })

  it.each([
    ['0.29', 29],
    ['19.99', 1999],
    ['4.35', 435],
    ['۱۲۳٫۴۵', 12345],
  ])('converts %s to %i minor units', async (typed, minor) => {
    const api = earningsApi({
      extra: [{ method: 'POST', path: '/api/v1/payouts', handler: () => json(buildPayout({ amount: minor }), 201) }],
    })
    const { user } = renderApp('/teaching/earnings')
    await user.type(await screen.findByLabelText('Amount'), typed)
    await user.type(screen.getByLabelText('Where to send it'), 'Bank')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    await waitFor(() => expect(api.calls('POST', '/api/v1/payouts')).toHaveLength(1))
    expect((await api.calls('POST', '/api/v1/payouts')[0]!.json()) as unknown).toMatchObject({ amount: minor })
  })

  it('checks the form before sending, field by field', async () => {
    const api = earningsApi()
    const { user } = renderApp('/teaching/earnings')

    await user.click(await screen.findByRole('button', { name: 'Request payout' }))
    expect(await screen.findByText('Enter an amount.')).toBeInTheDocument()
    expect(screen.getByText('Say where to send the money.')).toBeInTheDocument()
    expect(screen.getByLabelText('Amount')).toHaveFocus()
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true')

    await user.type(screen.getByLabelText('Amount'), '10.005')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    expect(await screen.findByText(/at most two decimals/)).toBeInTheDocument()

    await user.clear(screen.getByLabelText('Amount'))
    await user.type(screen.getByLabelText('Amount'), '7500.01')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    expect(await screen.findByText(/At most Rs\s?7,500 is available\./)).toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Currency'), 'USD')
    await user.clear(screen.getByLabelText('Amount'))
    await user.type(screen.getByLabelText('Amount'), '0')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    expect(await screen.findByText('Enter an amount above zero.')).toBeInTheDocument()
    expect(api.calls('POST', '/api/v1/payouts')).toHaveLength(0)
  })

  it('shows the server’s refusals beside the fields they are about', async () => {
    let answer = apiError(400, 'insufficient_balance', 'Not enough available.', { amount: ['At most 7500 is available.'] })
    const api = earningsApi({ extra: [{ method: 'POST', path: '/api/v1/payouts', handler: () => answer }] })
    const { user } = renderApp('/teaching/earnings')

    await user.type(await screen.findByLabelText('Amount'), '7000')
    await user.type(screen.getByLabelText('Where to send it'), 'Bank')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    expect(await screen.findByText('At most 7500 is available.')).toBeInTheDocument()
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true')

    answer = apiError(400, 'validation_error', 'Invalid.', { method: ['Keep it under 300 characters.'] })
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    expect(await screen.findByText('Keep it under 300 characters.')).toBeInTheDocument()
    expect(screen.getByLabelText('Where to send it')).toHaveAttribute('aria-invalid', 'true')

    answer = apiError(409, 'too_many_payouts', 'You already have a payout waiting.')
    await user.click(screen.getByRole('button', { name: 'Request payout' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('You already have a payout waiting.')
    expect(api.calls('POST', '/api/v1/payouts')).toHaveLength(3)
  })

  it('speaks Urdu, right to left', async () => {
    earningsApi({ language: 'ur' })
    await i18n.changeLanguage('ur')
    renderApp('/teaching/earnings')
    expect(await screen.findByRole('heading', { level: 1, name: 'آمدنی' })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'PKR میں' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'ادائیگی مانگیں' })).toBeInTheDocument()
    expect(document.documentElement).toHaveAttribute('dir', 'rtl')
  })

  it('is for tutors: a student sees why', async () => {
    const api = mockFetch([...signedInAs('student')])
    renderApp('/teaching/earnings')
    expect(await screen.findByRole('heading', { name: 'Teaching is for tutors' })).toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/earnings')).toHaveLength(0)
  })
})
