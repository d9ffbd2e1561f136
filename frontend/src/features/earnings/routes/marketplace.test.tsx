import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

import type { ListingContent, ListingDetail } from '../api/types'
import { buildListing, buildListingDetail, page, signedInAs } from '../testing/factories'

beforeAll(async () => {
  await Promise.all([import('./marketplace'), import('./listing')])
}, 60_000)

const OTHER_TUTOR = { id: 'a1111111-0000-4000-8000-000000000009', name: 'Omar Farooq' }

const CONTENT: ListingContent = {
  recordings: [
    {
      id: 'r1',
      title: 'Class 1: factorising',
      duration_seconds: 3725,
      video_url: 'https://media.example/r1.mp4?sig=1',
      thumbnail_url: 'https://media.example/r1.jpg',
    },
  ],
  lessons: [{ id: 'l1', title: 'Completing the square', duration_seconds: 540, video_url: 'https://media.example/l1.mp4?sig=1' }],
}

describe('marketplace list', { timeout: 30_000 }, () => {
  it('lists listings with price, tutor, Owned and a Buy link to checkout, for anyone', async () => {
    mockFetch([
      anonymous,
      {
        method: 'GET',
        path: '/api/v1/listings',
        handler: () =>
          json(
            page([
              buildListing({ slug: 'quadratics', title: 'Quadratics, recorded', tutor: OTHER_TUTOR, price_amount: 150_000 }),
              buildListing({ slug: 'physics-recap', title: 'Physics recap', tutor: OTHER_TUTOR, owned: true, recording_count: 1, lesson_count: 0 }),
            ]),
          ),
      },
    ])
    renderApp('/marketplace')

    const list = await screen.findByRole('list', { name: 'Recordings for sale' })
    const [quadratics, physics] = within(list).getAllByRole('article')
    expect(quadratics).toHaveTextContent('By Omar Farooq')
    expect(quadratics).toHaveTextContent(/Rs\s?1,500/)
    expect(quadratics).toHaveTextContent('3 recordings · 1 lesson')
    expect(within(quadratics!).getByRole('link', { name: 'Buy “Quadratics, recorded”' })).toHaveAttribute(
      'href',
      '/checkout?listing=quadratics',
    )
    expect(within(physics!).getByText('Owned')).toBeInTheDocument()
    expect(physics).toHaveTextContent('1 recording · 0 lessons')
    expect(within(physics!).queryByRole('link', { name: /Buy/ })).not.toBeInTheDocument()
    expect(within(physics!).getByRole('link', { name: 'Watch' })).toHaveAttribute('href', '/marketplace/physics-recap')
  })

  it('searches with ?q= and says when nothing matches', async () => {
    const api = mockFetch([anonymous, { method: 'GET', path: '/api/v1/listings', handler: () => json(page([])) }])
    const { user, router } = renderApp('/marketplace')
    expect(await screen.findByText('Nothing for sale yet')).toBeInTheDocument()

    await user.type(screen.getByRole('searchbox', { name: 'Search recordings' }), 'algebra{Enter}')
    await waitFor(() => expect(router.state.location.search).toBe('?q=algebra'))
    expect(await screen.findByText('Nothing matches “algebra”')).toBeInTheDocument()
    const last = api.calls('GET', '/api/v1/listings').at(-1)!
    expect(new URL(last.url).searchParams.get('q')).toBe('algebra')
  })

  it('offers a retry when the list fails', async () => {
    mockFetch([anonymous, { method: 'GET', path: '/api/v1/listings', handler: () => apiError(500, 'server_error', 'Boom') }])
    renderApp('/marketplace')
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the marketplace.")
  })
})

function detailApi(listing: ListingDetail, routes: Route[], content: () => Response = () => json(CONTENT)) {
  return mockFetch([
    ...routes,
    { method: 'GET', path: `/api/v1/listings/${listing.slug}`, handler: () => json(listing) },
    { method: 'GET', path: `/api/v1/listings/${listing.slug}/content`, handler: content },
  ])
}

describe('listing page', { timeout: 30_000 }, () => {
  it('shows a buyer the recordings and lessons with players', async () => {
    const listing = buildListingDetail({ slug: 'quadratics', owned: true, tutor: OTHER_TUTOR })
    detailApi(listing, signedInAs('student'))
    renderApp('/marketplace/quadratics')

    expect(await screen.findByRole('heading', { level: 1, name: 'Quadratics, recorded' })).toBeInTheDocument()
    const recording = await screen.findByLabelText('Class 1: factorising')
    expect(recording.tagName).toBe('VIDEO')
    expect(recording).toHaveAttribute('src', 'https://media.example/r1.mp4?sig=1')
    expect(recording).toHaveAttribute('poster', 'https://media.example/r1.jpg')
    expect(screen.getByText('1:02:05')).toBeInTheDocument()
    expect(screen.getByLabelText('Completing the square')).toHaveAttribute('src', 'https://media.example/l1.mp4?sig=1')
    expect(screen.queryByRole('link', { name: 'Buy' })).not.toBeInTheDocument()
  })

  it('shows the listing’s own tutor the videos and an edit link', async () => {
    const listing = buildListingDetail({ slug: 'mine', status: 'draft', can_edit: true })
    detailApi(listing, signedInAs('tutor'))
    renderApp('/marketplace/mine')
    expect(await screen.findByLabelText('Class 1: factorising')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Edit listing' })).toHaveAttribute('href', '/teaching/listings/mine/edit')
    expect(screen.getByText('Draft')).toBeInTheDocument()
  })

  it('offers others what is inside and Buy, without asking for the videos', async () => {
    const listing = buildListingDetail({
      slug: 'quadratics',
      tutor: OTHER_TUTOR,
      recordings: [{ id: 'r1', title: 'Class 1: factorising', duration_seconds: 3600 }],
    })
    const api = detailApi(listing, [anonymous])
    renderApp('/marketplace/quadratics')
    expect(await screen.findByRole('link', { name: 'Buy' })).toHaveAttribute('href', '/checkout?listing=quadratics')
    expect(screen.getByText('Class 1: factorising')).toBeInTheDocument()
    expect(screen.queryByRole('video')).not.toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/listings/quadratics/content')).toHaveLength(0)
  })

  it('says when the videos fail to load', async () => {
    const listing = buildListingDetail({ slug: 'quadratics', owned: true, tutor: OTHER_TUTOR })
    detailApi(listing, signedInAs('student'), () => apiError(403, 'payment_required', 'Buy it first.'))
    renderApp('/marketplace/quadratics')
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the videos.")
  })

  it('says when a listing does not exist', async () => {
    mockFetch([anonymous, { method: 'GET', path: '/api/v1/listings/gone', handler: () => apiError(404, 'not_found', 'Not found.') }])
    renderApp('/marketplace/gone')
    expect(await screen.findByText("We couldn't find this listing")).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the marketplace' })).toHaveAttribute('href', '/marketplace')
  })
})
