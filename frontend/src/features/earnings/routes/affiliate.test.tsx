import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

import { buildReferrals, signedInAs } from '../testing/factories'

beforeAll(async () => {
  await import('./affiliate')
}, 60_000)

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand')
})

function referralsApi(answer: () => Response) {
  return mockFetch([...signedInAs('student'), { method: 'GET', path: '/api/v1/referrals/me', handler: answer }])
}

describe('affiliate page', { timeout: 30_000 }, () => {
  it('shows the link, the numbers, commission per currency, recent activity and the rules', async () => {
    referralsApi(() => json(buildReferrals()))
    renderApp('/affiliate')

    expect(await screen.findByLabelText('Your referral link')).toHaveValue('https://ustad.example/r/AYESHA7')
    expect(screen.getByText('Clicks').nextElementSibling).toHaveTextContent('42')
    expect(screen.getByText('Sign-ups').nextElementSibling).toHaveTextContent('5')
    expect(screen.getByText('Purchases').nextElementSibling).toHaveTextContent('2')
    const table = screen.getByRole('table', { name: 'Commission per currency' })
    const pkr = within(table).getByRole('row', { name: /PKR/ })
    expect(pkr).toHaveTextContent(/150.*300/)
    expect(screen.getByText('Commission on a first purchase')).toBeInTheDocument()
    expect(screen.getByText('Someone signed up')).toBeInTheDocument()
    expect(screen.getByText(/within 30 days/)).toBeInTheDocument()
    expect(screen.getByText(/first purchase only/)).toBeInTheDocument()
    expect(screen.getByText(/until the refund window of that purchase closes/)).toBeInTheDocument()
  })

  it('copies the link and says so to screen readers', async () => {
    referralsApi(() => json(buildReferrals()))
    const { user } = renderApp('/affiliate')

    await user.click(await screen.findByRole('button', { name: 'Copy link' }))
    expect(await navigator.clipboard.readText()).toBe('https://ustad.example/r/AYESHA7')
    const status = screen.getByText('Link copied.')
    expect(status).toHaveAttribute('role', 'status')
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument()
  })

  it('falls back to select-and-copy where the clipboard API is missing', async () => {
    referralsApi(() => json(buildReferrals()))
    const { user } = renderApp('/affiliate')
    const field = await screen.findByLabelText('Your referral link')
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
    const execCommand = vi.fn((_command: string) => true)
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })

    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(execCommand).toHaveBeenCalledWith('copy')
    expect(await screen.findByText('Link copied.')).toBeInTheDocument()
    expect(field).toHaveFocus()
  })

  it('leaves the link selected and says how to copy it when copying fails', async () => {
    referralsApi(() => json(buildReferrals()))
    const { user } = renderApp('/affiliate')
    const field = await screen.findByLabelText<HTMLInputElement>('Your referral link')
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
      configurable: true,
    })
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true })

    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(await screen.findByText(/We couldn't copy the link/)).toBeInTheDocument()
    expect(field).toHaveFocus()
    expect(field.selectionStart).toBe(0)
    expect(field.selectionEnd).toBe(field.value.length)
  })

  it('says when nothing has happened yet', async () => {
    referralsApi(() => json(buildReferrals({ clicks: 0, signups: 0, conversions: 0, earnings: [], recent: [] })))
    renderApp('/affiliate')
    expect(await screen.findByText('No commission yet')).toBeInTheDocument()
    expect(screen.getByText('Nothing yet: share your link to get started')).toBeInTheDocument()
  })

  it('offers a retry when loading fails', async () => {
    let fail = true
    referralsApi(() => (fail ? apiError(500, 'server_error', 'Boom') : json(buildReferrals())))
    const { user } = renderApp('/affiliate')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't load your referrals.")
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByLabelText('Your referral link')).toBeInTheDocument()
  })

  it('asks visitors to log in first', async () => {
    mockFetch([anonymous])
    const { router } = renderApp('/affiliate')
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
  })
})
