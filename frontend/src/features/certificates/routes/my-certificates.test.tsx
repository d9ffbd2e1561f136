import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { buildCertificate, certificatePage } from '@/testing/certificates-factories'
import { buildSession } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

const student = signedIn(buildSession())

function listRoute(handler: Route['handler']): Route {
  return { method: 'GET', path: '/api/v1/me/certificates', handler }
}

describe('my certificates', () => {
  it('lists certificates as cards with view, download and copy-link actions, and pages', async () => {
    const python = buildCertificate({ code: '3F9A0C12B7D4', course_title: 'Python from zero' })
    const urdu = buildCertificate({ code: '0000AAAA1111', course_title: 'Urdu calligraphy', issued_at: '2026-01-05T08:00:00Z' })
    const api = mockFetch([...student, listRoute(() => json(certificatePage([python, urdu], 14)))])
    const { user } = renderApp('/my/certificates')

    expect(await screen.findByRole('heading', { level: 1, name: 'My certificates' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('My certificates · Ustad'))
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'My certificates' })).toHaveAttribute('href', '/my/certificates')

    const card = (await screen.findByRole('heading', { level: 2, name: 'Python from zero' })).closest('article')!
    expect(within(card).getByText('Issued on 12 March 2026')).toBeInTheDocument()
    expect(within(card).getByRole('link', { name: 'View: Python from zero' })).toHaveAttribute(
      'href',
      '/certificates/3F9A0C12B7D4',
    )
    expect(within(card).getByRole('link', { name: 'Download PDF: Python from zero' })).toHaveAttribute(
      'href',
      '/api/v1/certificates/3F9A0C12B7D4/pdf',
    )
    expect(screen.getByRole('heading', { level: 2, name: 'Urdu calligraphy' })).toBeInTheDocument()

    const pages = screen.getByRole('navigation', { name: 'Pages' })
    expect(within(pages).getByText('Page 1 of 2')).toBeInTheDocument()
    await user.click(within(pages).getByRole('link', { name: 'Next page' }))
    await waitFor(() => expect(api.calls('GET', '/api/v1/me/certificates')).toHaveLength(2))
    expect(new URL(api.calls('GET', '/api/v1/me/certificates')[1]!.url).searchParams.get('page')).toBe('2')
  })

  it('copies the absolute verification link and says so', async () => {
    const python = buildCertificate({
      code: '3F9A0C12B7D4',
      course_title: 'Python from zero',
      verify_url: 'https://ustad.example.pk/certificates/3F9A0C12B7D4',
    })
    mockFetch([...student, listRoute(() => json(certificatePage([python])))])
    const { user } = renderApp('/my/certificates')

    await user.click(await screen.findByRole('button', { name: 'Copy link: Python from zero' }))

    expect(await screen.findByText('Link copied. Anyone who opens it can check the certificate.')).toBeInTheDocument()
    await expect(navigator.clipboard.readText()).resolves.toBe('https://ustad.example.pk/certificates/3F9A0C12B7D4')
  })

  it('shows the link in an error toast when the clipboard refuses', async () => {
    const python = buildCertificate({ code: '3F9A0C12B7D4', verify_url: 'https://ustad.example.pk/certificates/3F9A0C12B7D4' })
    mockFetch([...student, listRoute(() => json(certificatePage([python])))])
    const { user } = renderApp('/my/certificates')
    const copy = await screen.findByRole('button', { name: /^Copy link/ })
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'))

    await user.click(copy)

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "We couldn't copy the link. Copy it from here: https://ustad.example.pk/certificates/3F9A0C12B7D4",
    )
  })

  it('points to my courses when there are no certificates yet', async () => {
    mockFetch([...student, listRoute(() => json(certificatePage([])))])
    renderApp('/my/certificates')

    expect(await screen.findByText("You haven't earned a certificate yet.")).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to my courses' })).toHaveAttribute('href', '/my/courses')
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument()
  })

  it('explains a failed load and retries', async () => {
    let fail = true
    mockFetch([
      ...student,
      listRoute(() => (fail ? apiError(500, 'server_error', 'Boom') : json(certificatePage([buildCertificate()])))),
    ])
    const { user } = renderApp('/my/certificates')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't load your certificates.")
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('link', { name: /^View/ })).toBeInTheDocument()
  })
})
