import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { TutorPublic } from '@/api/types'
import { buildTutor } from '@/testing/factories'
import { apiError, json, mockFetch } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, subjects } from '@/testing/routes'

function page(results: TutorPublic[], count = results.length) {
  return json({ count, next: null, previous: null, results })
}

describe('tutor directory', () => {
  it('renders a card per tutor with subjects and a formatted rate', async () => {
    mockFetch([
      anonymous,
      subjects,
      {
        method: 'GET',
        path: '/api/v1/tutors',
        handler: () =>
          page([
            buildTutor({
              full_name: 'Ayesha Khan',
              headline: 'A-level maths',
              hourly_rate: 250000,
              currency: 'PKR',
              subjects: [
                { slug: 'mathematics', name: 'Mathematics' },
                { slug: 'physics', name: 'Physics' },
              ],
            }),
            buildTutor({ full_name: 'John Smith', hourly_rate: null, currency: 'USD', subjects: [] }),
          ]),
      },
    ])
    renderApp('/tutors')

    const cards = await screen.findAllByRole('article')
    expect(cards).toHaveLength(2)
    const ayesha = cards[0]!
    expect(within(ayesha).getByRole('link', { name: 'Ayesha Khan' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/tutors\/[0-9a-f-]+$/),
    )
    expect(within(ayesha).getByText('A-level maths')).toBeInTheDocument()
    expect(within(ayesha).getByRole('list', { name: 'Subjects' })).toHaveTextContent('MathematicsPhysics')
    // 250000 minor units = Rs 2,500 (the browser decides the exact spacing).
    expect(within(ayesha).getByText(/^Rs\s?2,500 \/ hour$/)).toBeInTheDocument()
    expect(within(ayesha).getByText('AK')).toBeInTheDocument()
    expect(within(cards[1]!).getByText('Rate on request')).toBeInTheDocument()
    expect(screen.getByText('2 tutors found')).toBeInTheDocument()
  })

  it('shows an empty state with a way to clear the filters', async () => {
    mockFetch([anonymous, subjects, { method: 'GET', path: '/api/v1/tutors', handler: () => page([]) }])
    renderApp('/tutors?subject=urdu')

    expect(await screen.findByText('No tutors match your search.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/tutors')
  })

  it('puts the subject filter in the URL and asks the API for it', async () => {
    const api = mockFetch([
      anonymous,
      subjects,
      {
        method: 'GET',
        path: '/api/v1/tutors',
        handler: (request) => {
          const subject = new URL(request.url).searchParams.get('subject')
          return page(subject === 'physics' ? [buildTutor({ full_name: 'Physics Teacher' })] : [buildTutor()])
        },
      },
    ])
    const { user, router } = renderApp('/tutors?page=2')

    const select = await screen.findByRole('combobox', { name: 'Subject' })
    await screen.findByRole('option', { name: 'Physics' })
    await user.selectOptions(select, 'physics')

    await waitFor(() => expect(router.state.location.search).toBe('?subject=physics'))
    expect(await screen.findByRole('link', { name: 'Physics Teacher' })).toBeInTheDocument()
    const last = api.calls('GET', '/api/v1/tutors').at(-1)!
    expect(new URL(last.url).searchParams.get('subject')).toBe('physics')
    expect(new URL(last.url).searchParams.get('page')).toBeNull()
  })

  it('puts the search text in the URL', async () => {
    mockFetch([anonymous, subjects, { method: 'GET', path: '/api/v1/tutors', handler: () => page([buildTutor()]) }])
    const { user, router } = renderApp('/tutors?subject=physics')

    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'Khan')
    await user.click(screen.getByRole('button', { name: 'Search' }))

    await waitFor(() => expect(router.state.location.search).toBe('?subject=physics&search=Khan'))
  })

  it('pages through results', async () => {
    mockFetch([
      anonymous,
      subjects,
      { method: 'GET', path: '/api/v1/tutors', handler: () => page([buildTutor()], 30) },
    ])
    const { user, router } = renderApp('/tutors')

    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: /Next page/ }))
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'))
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument()
  })

  it('shows an error with a retry button', async () => {
    let fail = true
    mockFetch([
      anonymous,
      subjects,
      {
        method: 'GET',
        path: '/api/v1/tutors',
        handler: () => (fail ? apiError(500, 'server_error', 'Boom') : page([buildTutor({ full_name: 'Back Again' })])),
      },
    ])
    const { user } = renderApp('/tutors')

    expect(await screen.findByText("We couldn't load tutors.")).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('link', { name: 'Back Again' })).toBeInTheDocument()
  })
})

describe('tutor profile page', () => {
  it('shows the public profile', async () => {
    const tutor = buildTutor({ full_name: 'Sana Mir', bio: 'I teach physics.', experience_years: 7 })
    mockFetch([anonymous, { method: 'GET', path: `/api/v1/tutors/${tutor.id}`, handler: () => json(tutor) }])
    renderApp(`/tutors/${tutor.id}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Sana Mir' })).toBeInTheDocument()
    expect(screen.getByText('I teach physics.')).toBeInTheDocument()
    expect(screen.getByText('7 years of experience')).toBeInTheDocument()
  })

  it('shows a not-found state for an unknown tutor', async () => {
    mockFetch([
      anonymous,
      { method: 'GET', path: /^\/api\/v1\/tutors\/.+/, handler: () => apiError(404, 'not_found', 'Not found.') },
    ])
    renderApp('/tutors/00000000-0000-4000-8000-000000000000')

    expect(await screen.findByRole('heading', { level: 1, name: 'Tutor not found' })).toBeInTheDocument()
    expect(screen.getByText("This tutor doesn't exist or is no longer listed.")).toBeInTheDocument()
  })

  it('keeps focus on the page heading while the profile loads', async () => {
    const tutor = buildTutor({ full_name: 'Zara Sheikh' })
    mockFetch([
      anonymous,
      subjects,
      { method: 'GET', path: '/api/v1/tutors', handler: () => page([tutor]) },
      {
        method: 'GET',
        path: `/api/v1/tutors/${tutor.id}`,
        handler: async () => {
          await new Promise((resolve) => setTimeout(resolve, 50))
          return json(tutor)
        },
      },
    ])
    const { user } = renderApp('/tutors')

    await user.click(await screen.findByRole('link', { name: 'Zara Sheikh' }))

    const heading = await screen.findByRole('heading', { level: 1, name: 'Zara Sheikh' })
    await waitFor(() => expect(heading).toHaveFocus())
  })
})
