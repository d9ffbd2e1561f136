import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import { buildCourseCard, buildCourseDetail, buildSection, buildSyllabusLesson } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { buildRecording } from '@/testing/recording-factories'

import type { Listing } from '../api/types'
import { buildListing, buildListingDetail, page, signedInAs, TUTOR_ID } from '../testing/factories'

beforeAll(async () => {
  await Promise.all([import('./teaching-listings'), import('./new-listing'), import('./edit-listing')])
}, 60_000)

const ALGEBRA = buildCourseCard({ slug: 'o-level-algebra', title: 'O Level Algebra' })
const REC_READY = buildRecording({ title: 'Class 1: factorising' })
const REC_BUSY = buildRecording({ title: 'Still processing', status: 'processing' })
const VIDEO = buildSyllabusLesson({ title: 'Completing the square', kind: 'video' })
const QUIZ = buildSyllabusLesson({ title: 'Quiz 1', kind: 'quiz' })

/** The tutor's courses, one course's recordings and syllabus: what the picker reads. */
const pickerRoutes: Route[] = [
  { method: 'GET', path: '/api/v1/teaching/courses', handler: () => json(page([ALGEBRA])) },
  { method: 'GET', path: '/api/v1/courses/o-level-algebra/recordings', handler: () => json([REC_READY, REC_BUSY]) },
  {
    method: 'GET',
    path: '/api/v1/courses/o-level-algebra',
    handler: () => json(buildCourseDetail({ slug: 'o-level-algebra', sections: [buildSection({ lessons: [VIDEO, QUIZ] })] })),
  },
]

function listingsApi(list: () => Listing[], extra: Route[] = []) {
  return mockFetch([
    ...signedInAs('tutor'),
    ...pickerRoutes,
    ...extra,
    { method: 'GET', path: '/api/v1/listings', handler: () => json(page(list())) },
  ])
}

describe('my listings', { timeout: 30_000 }, () => {
  it('lists the tutor’s own listings, drafts included, with status and actions', async () => {
    const api = listingsApi(() => [
      buildListing({ title: 'Draft bundle', status: 'draft' }),
      buildListing({ title: 'On sale bundle', status: 'published', price_amount: 149_999 }),
      buildListing({ title: 'Old bundle', status: 'archived' }),
    ])
    renderApp('/teaching/listings')

    const draft = await screen.findByRole('article', { name: 'Draft bundle' })
    expect(within(draft).getByText('Draft')).toBeInTheDocument()
    expect(within(draft).getByRole('button', { name: 'Publish' })).toBeInTheDocument()
    expect(within(draft).getByRole('link', { name: 'Edit “Draft bundle”' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/teaching\/listings\/listing-\d+\/edit$/),
    )
    const onSale = screen.getByRole('article', { name: 'On sale bundle' })
    expect(onSale).toHaveTextContent(/1,499\.99/)
    expect(within(onSale).getByRole('button', { name: 'Archive' })).toBeInTheDocument()
    const old = screen.getByRole('article', { name: 'Old bundle' })
    expect(within(old).getByText('No longer sold')).toBeInTheDocument()
    expect(within(old).queryByRole('button')).not.toBeInTheDocument()
    expect(new URL(api.calls('GET', '/api/v1/listings')[0]!.url).searchParams.get('tutor')).toBe(TUTOR_ID)
  })

  it('publishes after confirmation and refreshes the list', async () => {
    let status: Listing['status'] = 'draft'
    const listing = buildListing({ slug: 'bundle', title: 'Bundle', status: 'draft' })
    const api = listingsApi(() => [{ ...listing, status }], [
      {
        method: 'POST',
        path: '/api/v1/listings/bundle/publish',
        handler: () => {
          status = 'published'
          return json({ ...listing, status })
        },
      },
    ])
    const { user } = renderApp('/teaching/listings')

    await user.click(await screen.findByRole('button', { name: 'Publish' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Put “Bundle” on sale?' })
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }))
    await waitFor(() => expect(api.calls('POST', '/api/v1/listings/bundle/publish')).toHaveLength(1))
    expect(await screen.findByRole('button', { name: 'Archive' })).toBeInTheDocument()
    expect(screen.getByText('“Bundle” is on sale.')).toBeInTheDocument()
  })

  it('archives only after confirmation, and shows the server’s refusal', async () => {
    const listing = buildListing({ slug: 'bundle', title: 'Bundle', status: 'published' })
    const api = listingsApi(() => [listing], [
      { method: 'POST', path: '/api/v1/listings/bundle/archive', handler: () => apiError(403, 'permission_denied', 'Only the listing’s tutor can change it.') },
    ])
    const { user } = renderApp('/teaching/listings')

    await user.click(await screen.findByRole('button', { name: 'Archive' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }))
    expect(api.calls('POST', '/api/v1/listings/bundle/archive')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Archive' }))
    await user.click(within(screen.getByRole('alertdialog', { name: 'Stop selling “Bundle”?' })).getByRole('button', { name: 'Archive' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/permission|tutor/i)
    expect(api.calls('POST', '/api/v1/listings/bundle/archive')).toHaveLength(1)
  })

  it('says when there are none yet', async () => {
    listingsApi(() => [])
    renderApp('/teaching/listings')
    expect(await screen.findByText("You aren't selling any recordings yet")).toBeInTheDocument()
  })

  it('is for tutors', async () => {
    const api = mockFetch([...signedInAs('student')])
    renderApp('/teaching/listings')
    expect(await screen.findByRole('heading', { name: 'Teaching is for tutors' })).toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/listings')).toHaveLength(0)
  })
})

describe('listing form', { timeout: 30_000 }, () => {
  it('creates a draft from a course’s ready recordings and video lessons, price in exact minor units', async () => {
    const api = listingsApi(() => [], [
      {
        method: 'POST',
        path: '/api/v1/listings',
        handler: async (request) => json({ ...buildListing({ status: 'draft' }), ...((await request.json()) as object) }, 201),
      },
    ])
    const { user, router } = renderApp('/teaching/listings/new')

    await user.type(await screen.findByLabelText('Title'), 'Quadratics, recorded')
    await user.type(screen.getByLabelText(/Description/), 'Three classes.')
    await user.type(screen.getByLabelText('Price'), '1,499.99')
    await user.selectOptions(screen.getByLabelText('Currency'), 'USD')
    await waitFor(() => expect(screen.getByRole('option', { name: 'O Level Algebra' })).toBeInTheDocument())
    await user.selectOptions(screen.getByLabelText('Course'), 'o-level-algebra')

    const recordings = await screen.findByRole('group', { name: 'Class recordings' })
    expect(within(recordings).queryByText('Still processing')).not.toBeInTheDocument()
    await user.click(within(recordings).getByRole('checkbox', { name: 'Class 1: factorising' }))
    const lessons = screen.getByRole('group', { name: 'Video lessons' })
    expect(within(lessons).queryByText('Quiz 1')).not.toBeInTheDocument()
    await user.click(within(lessons).getByRole('checkbox', { name: 'Completing the square' }))
    expect(screen.getByText('Chosen: 1 recording, 1 lesson')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Create draft' }))
    await waitFor(() => expect(api.calls('POST', '/api/v1/listings')).toHaveLength(1))
    expect(await api.calls('POST', '/api/v1/listings')[0]!.json()).toEqual({
      title: 'Quadratics, recorded',
      description: 'Three classes.',
      currency: 'USD',
      price_amount: 149_999,
      recordings: [REC_READY.id],
      lessons: [VIDEO.id],
    })
    await waitFor(() => expect(router.state.location.pathname).toBe('/teaching/listings'))
  })

  it('checks the form, then shows the server’s errors by field', async () => {
    const api = listingsApi(() => [], [
      {
        method: 'POST',
        path: '/api/v1/listings',
        handler: () => apiError(400, 'recording_not_ready', 'Only ready recordings can be sold.', { recordings: ['Only ready recordings can be sold.'] }),
      },
    ])
    const { user } = renderApp('/teaching/listings/new')

    await user.click(await screen.findByRole('button', { name: 'Create draft' }))
    expect(screen.getByText('Give the listing a title.')).toBeInTheDocument()
    expect(screen.getByText('Enter an amount.')).toBeInTheDocument()
    expect(screen.getByLabelText('Title')).toHaveFocus()
    expect(api.calls('POST', '/api/v1/listings')).toHaveLength(0)

    await user.type(screen.getByLabelText('Title'), 'Bundle')
    await user.type(screen.getByLabelText('Price'), '12.345')
    await user.click(screen.getByRole('button', { name: 'Create draft' }))
    expect(screen.getByText(/at most two decimals/)).toBeInTheDocument()

    await user.clear(screen.getByLabelText('Price'))
    await user.type(screen.getByLabelText('Price'), '500')
    await user.click(screen.getByRole('button', { name: 'Create draft' }))
    expect(await screen.findByText('Only ready recordings can be sold.')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: /Recordings and lessons/ })).toHaveAttribute('data-invalid', 'true')
  })

  it('edits a listing: its values start filled in, items can be taken out, and the change is a PATCH', async () => {
    const detail = buildListingDetail({
      slug: 'bundle',
      title: 'Bundle',
      status: 'draft',
      price_amount: 150_050,
      recordings: [{ id: 'rec-a', title: 'Old class', duration_seconds: 60 }],
      lessons: [{ id: 'les-a', title: 'Old lesson', duration_seconds: 60 }],
      can_edit: true,
    })
    const api = listingsApi(() => [], [
      { method: 'GET', path: '/api/v1/listings/bundle', handler: () => json(detail) },
      { method: 'PATCH', path: '/api/v1/listings/bundle', handler: () => json(detail) },
    ])
    const { user } = renderApp('/teaching/listings/bundle/edit')

    expect(await screen.findByLabelText('Title')).toHaveValue('Bundle')
    expect(screen.getByLabelText('Price')).toHaveValue('1500.5')
    await user.click(screen.getByRole('button', { name: 'Remove “Old lesson”' }))
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(api.calls('PATCH', '/api/v1/listings/bundle')).toHaveLength(1))
    expect(await api.calls('PATCH', '/api/v1/listings/bundle')[0]!.json()).toEqual({
      title: 'Bundle',
      description: detail.description,
      currency: 'PKR',
      price_amount: 150_050,
      recordings: ['rec-a'],
      lessons: [],
    })
  })
})
