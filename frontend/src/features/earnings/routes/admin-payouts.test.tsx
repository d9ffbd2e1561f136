import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

import type { Payout } from '../api/types'
import { buildPayout, page, signedInAs } from '../testing/factories'

beforeAll(async () => {
  await import('./admin-payouts')
}, 60_000)

function payoutsApi(list: () => Payout[] | Response, extra: Route[] = []) {
  return mockFetch([
    ...signedInAs('admin'),
    ...extra,
    {
      method: 'GET',
      path: '/api/v1/payouts',
      handler: () => {
        const answer = list()
        return answer instanceof Response ? answer : json(page(answer))
      },
    },
  ])
}

describe('admin payouts', { timeout: 30_000 }, () => {
  it('lists payouts with their next steps and filters by status', async () => {
    const api = payoutsApi(() => [
      buildPayout({ tutor: { id: 't1', name: 'Sara Malik' }, status: 'requested' }),
      buildPayout({ tutor: { id: 't2', name: 'Omar Farooq' }, status: 'approved', amount: 99_950 }),
      buildPayout({ tutor: { id: 't3', name: 'Hina Aslam' }, status: 'paid', note: 'TRX-1', paid_at: '2026-12-03T10:00:00Z' }),
    ])
    const { user } = renderApp('/manage/payouts')

    const sara = await screen.findByRole('article', { name: /Sara Malik/ })
    expect(within(sara).getByText('Requested')).toBeInTheDocument()
    expect(within(sara).getByRole('button', { name: 'Approve' })).toBeInTheDocument()
    expect(within(sara).getByRole('button', { name: 'Reject' })).toBeInTheDocument()
    const omar = screen.getByRole('article', { name: /Omar Farooq/ })
    expect(omar).toHaveTextContent(/999\.50/)
    expect(within(omar).getByRole('button', { name: 'Mark paid' })).toBeInTheDocument()
    expect(within(omar).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument()
    const hina = screen.getByRole('article', { name: /Hina Aslam/ })
    expect(within(hina).queryByRole('button')).not.toBeInTheDocument()
    expect(hina).toHaveTextContent('TRX-1')

    await user.selectOptions(screen.getByLabelText('Status'), 'requested')
    await waitFor(() =>
      expect(api.calls('GET', '/api/v1/payouts').some((r) => new URL(r.url).searchParams.get('status') === 'requested')).toBe(true),
    )
  })

  it('approves after confirmation and asks for the list again', async () => {
    let status: Payout['status'] = 'requested'
    const payout = buildPayout({ tutor: { id: 't1', name: 'Sara Malik' } })
    const api = payoutsApi(() => [{ ...payout, status }], [
      {
        method: 'POST',
        path: `/api/v1/payouts/${payout.id}/approve`,
        handler: () => {
          status = 'approved'
          return json({ ...payout, status })
        },
      },
    ])
    const { user } = renderApp('/manage/payouts')

    await user.click(await screen.findByRole('button', { name: 'Approve' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Approve this payout?' })
    expect(dialog).toHaveTextContent('for Sara Malik, to be sent to: JazzCash 0300 1234567')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }))

    await waitFor(() => expect(api.calls('POST', `/api/v1/payouts/${payout.id}/approve`)).toHaveLength(1))
    expect(await screen.findByRole('button', { name: 'Mark paid' })).toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/payouts')).toHaveLength(2)
    expect(screen.getByText(/Approved .* for Sara Malik\./)).toBeInTheDocument()
  })

  it('cancelling a confirmation changes nothing', async () => {
    const payout = buildPayout()
    const api = payoutsApi(() => [payout])
    const { user } = renderApp('/manage/payouts')
    await user.click(await screen.findByRole('button', { name: 'Approve' }))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(api.requests.filter((r) => r.method === 'POST' && r.url.includes('/payouts/'))).toHaveLength(0)
  })

  it('rejects with a required note, and shows the server’s refusal in the dialog', async () => {
    const payout = buildPayout()
    let answer = apiError(409, 'invalid_transition', 'A payout that is paid cannot be rejected.')
    const api = payoutsApi(() => [payout], [
      { method: 'POST', path: `/api/v1/payouts/${payout.id}/reject`, handler: () => answer },
    ])
    const { user } = renderApp('/manage/payouts')

    await user.click(await screen.findByRole('button', { name: 'Reject' }))
    const dialog = screen.getByRole('dialog', { name: 'Reject this payout?' })
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }))
    expect(within(dialog).getByText('Write a note.')).toBeInTheDocument()
    expect(api.calls('POST', `/api/v1/payouts/${payout.id}/reject`)).toHaveLength(0)

    await user.type(within(dialog).getByLabelText('Why'), 'The IBAN is incomplete.')
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('A payout that is paid cannot be rejected.')

    answer = json({ ...payout, status: 'rejected', note: 'The IBAN is incomplete.' })
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const sent = api.calls('POST', `/api/v1/payouts/${payout.id}/reject`)
    expect(sent).toHaveLength(2)
    expect(await sent[1]!.json()).toEqual({ note: 'The IBAN is incomplete.' })
  })

  it('marks an approved payout paid with the transfer reference', async () => {
    const payout = buildPayout({ status: 'approved' })
    const api = payoutsApi(() => [payout], [
      {
        method: 'POST',
        path: `/api/v1/payouts/${payout.id}/mark-paid`,
        handler: () => json({ ...payout, status: 'paid', note: 'IBFT 55120', paid_at: '2026-12-05T10:00:00Z' }),
      },
    ])
    const { user } = renderApp('/manage/payouts')

    await user.click(await screen.findByRole('button', { name: 'Mark paid' }))
    const dialog = screen.getByRole('dialog', { name: 'Mark this payout as paid?' })
    await user.type(within(dialog).getByLabelText('Transfer reference'), 'IBFT 55120')
    await user.click(within(dialog).getByRole('button', { name: 'Mark paid' }))

    await waitFor(() => expect(api.calls('POST', `/api/v1/payouts/${payout.id}/mark-paid`)).toHaveLength(1))
    expect(await api.calls('POST', `/api/v1/payouts/${payout.id}/mark-paid`)[0]!.json()).toEqual({ note: 'IBFT 55120' })
    await waitFor(() => expect(api.calls('GET', '/api/v1/payouts')).toHaveLength(2))
  })

  it('shows loading, then empty and error states', async () => {
    let answer: () => Response = () => json(page([]))
    payoutsApi(() => answer())
    const first = renderApp('/manage/payouts')
    expect(await screen.findByText('No payouts here')).toBeInTheDocument()
    first.unmount()

    answer = () => apiError(500, 'server_error', 'Boom')
    renderApp('/manage/payouts')
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the payouts.")
  })

  it('is for admins only', async () => {
    const api = mockFetch([...signedInAs('tutor')])
    renderApp('/manage/payouts')
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument()
    expect(screen.getByText('Only admins can open this page.')).toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/payouts')).toHaveLength(0)
  })

  it('sends signed-out visitors to log in', async () => {
    mockFetch([anonymous])
    const { router } = renderApp('/manage/payouts')
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/manage/payouts')}`)
  })
})
