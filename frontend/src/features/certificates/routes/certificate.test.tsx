import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { buildCertificate } from '@/testing/certificates-factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

const valid = buildCertificate({
  code: '3F9A0C12B7D4',
  student_name: 'Ayesha Khan',
  course_title: 'Python from zero',
  course_slug: 'python-from-zero',
  tutor_name: 'Sara Malik',
  issued_at: '2026-03-12T09:30:00Z',
})

const lookup: Route = {
  method: 'GET',
  path: /^\/api\/v1\/certificates\/[^/]+$/,
  handler: (request) => {
    const code = new URL(request.url).pathname.split('/').pop() ?? ''
    return code.toUpperCase() === valid.code
      ? json(valid)
      : apiError(404, 'not_found', 'No certificate has this code.')
  },
}

describe('certificate verification', () => {
  it('shows a valid certificate to anyone, with the course link and the public PDF', async () => {
    mockFetch([anonymous, lookup])
    renderApp('/certificates/3F9A0C12B7D4')

    expect(await screen.findByRole('heading', { level: 1, name: 'Valid certificate' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Valid certificate · Ustad'))
    expect(screen.getByText('Ayesha Khan')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Python from zero' })).toHaveAttribute('href', '/courses/python-from-zero')
    expect(screen.getByText('Sara Malik')).toBeInTheDocument()
    expect(screen.getByText('3F9A0C12B7D4')).toBeInTheDocument()
    expect(screen.getByText(/12 March 2026/)).toHaveAttribute('datetime', '2026-03-12T09:30:00Z')
    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      '/api/v1/certificates/3F9A0C12B7D4/pdf',
    )
  })

  it('says plainly when no certificate has the code, and checks another code', async () => {
    mockFetch([anonymous, lookup])
    const { user, router } = renderApp('/certificates/BADC0DE00000')

    expect(await screen.findByRole('heading', { level: 1, name: 'No certificate with this code' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('No certificate with this code · Ustad'))
    expect(screen.getByRole('alert')).toHaveTextContent('not issued any certificate with the code BADC0DE00000')
    expect(screen.queryByRole('link', { name: 'Download PDF' })).not.toBeInTheDocument()

    const form = screen.getByRole('region', { name: 'Check another certificate' })
    await user.click(within(form).getByRole('button', { name: 'Check code' }))
    const input = within(form).getByRole('textbox', { name: 'Certificate code' })
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Enter a certificate code.'))
    expect(input).toHaveFocus()

    await user.type(input, ' 3f9a 0c12 b7d4 ')
    await user.click(within(form).getByRole('button', { name: 'Check code' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/certificates/3F9A0C12B7D4'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Valid certificate' })).toBeInTheDocument()
  })

  it('offers a retry when the check itself fails', async () => {
    mockFetch([
      anonymous,
      { method: 'GET', path: /^\/api\/v1\/certificates\//, handler: () => apiError(500, 'server_error', 'Boom') },
    ])
    renderApp('/certificates/3F9A0C12B7D4')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("We couldn't check this certificate.")
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Verify a certificate' })).toBeInTheDocument()
  })
})
