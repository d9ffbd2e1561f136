import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { CourseDetail } from '@/api/types'
import {
  buildCourseDetail,
  buildSection,
  buildSession,
  buildSyllabusLesson,
  buildTutorUser,
} from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous, signedIn } from '@/testing/routes'

const SLUG = 'python-from-zero'

function courseRoutes(course: CourseDetail): Route[] {
  return [
    { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course) },
    {
      method: 'GET',
      path: `/api/v1/courses/${SLUG}/reviews`,
      handler: () =>
        json({
          count: 1,
          next: null,
          previous: null,
          results: [
            {
              id: 'r1',
              rating: 5,
              body: 'Clear and kind.',
              student: { id: 's1', full_name: 'Bilal Ahmed', avatar_url: null },
              created_at: '2026-02-01T10:00:00Z',
            },
          ],
        }),
    },
  ]
}

async function cta() {
  return within(await screen.findByRole('complementary', { name: 'Enrolment' }))
}

describe('course page', () => {
  it('shows the details, the sanitised description and the syllabus with previews and locks', async () => {
    const preview = buildSyllabusLesson({ title: 'Welcome', is_preview: true, duration_seconds: 300 })
    const locked = buildSyllabusLesson({ title: 'Loops', is_locked: true, kind: 'article' })
    const course = buildCourseDetail({
      slug: SLUG,
      title: 'Python from zero',
      sections: [buildSection({ title: 'Getting started', lessons: [preview, locked] })],
    })
    mockFetch([anonymous, ...courseRoutes(course)])
    renderApp(`/courses/${SLUG}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Python from zero' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sara Malik' })).toHaveAttribute('href', expect.stringMatching(/^\/tutors\//))
    expect(screen.getByText('friendly').tagName).toBe('STRONG')
    expect(screen.getByText('1 h 30 min')).toBeInTheDocument()

    const section = screen.getByRole('button', { name: /Getting started/ })
    expect(section).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('link', { name: 'Welcome' })).toHaveAttribute('href', `/learn/${SLUG}/${preview.id}`)
    expect(screen.getByText('Preview')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Loops' })).not.toBeInTheDocument()
    expect(screen.getByText('Locked: enrol to open')).toBeInTheDocument()
    expect(await screen.findByText('Clear and kind.')).toBeInTheDocument()
  })

  it('free course: "Enrol for free" enrols and opens the player', async () => {
    const lesson = buildSyllabusLesson({ title: 'Welcome' })
    let enrolled = false
    const course = () =>
      buildCourseDetail({
        slug: SLUG,
        sections: [buildSection({ lessons: [{ ...lesson, is_locked: !enrolled }] })],
        viewer: { is_enrolled: enrolled },
      })
    const api = mockFetch([
      ...signedIn(buildSession()),
      { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course()) },
      ...courseRoutes(course()).slice(1),
      {
        method: 'POST',
        path: `/api/v1/courses/${SLUG}/enroll`,
        handler: () => {
          enrolled = true
          return json({}, 201)
        },
      },
      { method: 'GET', path: `/api/v1/lessons/${lesson.id}`, handler: () => apiError(404, 'not_found') },
    ])
    const { user, router } = renderApp(`/courses/${SLUG}`)

    const panel = await cta()
    expect(panel.getByText('Free')).toBeInTheDocument()
    await user.click(panel.getByRole('button', { name: 'Enrol for free' }))

    await waitFor(() => expect(router.state.location.pathname).toBe(`/learn/${SLUG}/${lesson.id}`))
    expect(api.calls('POST', `/api/v1/courses/${SLUG}/enroll`)).toHaveLength(1)
  })

  it('free course, signed out: "Enrol for free" asks to log in first', async () => {
    mockFetch([anonymous, ...courseRoutes(buildCourseDetail({ slug: SLUG }))])
    const { user, router } = renderApp(`/courses/${SLUG}`)

    await user.click((await cta()).getByRole('button', { name: 'Enrol for free' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent(`/courses/${SLUG}`)}`)
  })

  it('paid course: the price and "Buy for <price>" leading to checkout', async () => {
    const course = buildCourseDetail({ slug: SLUG, price_amount: 250000, is_free: false })
    const api = mockFetch([...signedIn(buildSession()), ...courseRoutes(course)])
    renderApp(`/courses/${SLUG}`)

    const panel = await cta()
    expect(panel.getByText(/^Rs\s?2,500$/)).toBeInTheDocument()
    expect(panel.getByRole('link', { name: /^Buy for Rs\s?2,500$/ })).toHaveAttribute('href', `/checkout?course=${SLUG}`)
    expect(panel.queryByRole('button', { name: 'Enrol for free' })).not.toBeInTheDocument()
    expect(panel.queryByText('Included in the subscription')).not.toBeInTheDocument()
    expect(api.calls('GET', '/api/v1/subscriptions')).toHaveLength(0)
  })

  it('paid course in the subscription, no subscription: says so, links to the plans, offers to buy', async () => {
    const course = buildCourseDetail({ slug: SLUG, price_amount: 250000, is_free: false, included_in_subscription: true })
    mockFetch([
      ...signedIn(buildSession()),
      ...courseRoutes(course),
      { method: 'GET', path: '/api/v1/subscriptions', handler: () => json([{ id: 's1', status: 'ended' }]) },
    ])
    renderApp(`/courses/${SLUG}`)

    const panel = await cta()
    expect(panel.getByText('Included in the subscription')).toBeInTheDocument()
    expect(await panel.findByRole('link', { name: 'See subscription plans' })).toHaveAttribute('href', '/my/subscription')
    expect(panel.getByRole('link', { name: /^Buy for/ })).toBeInTheDocument()
    expect(panel.queryByRole('button', { name: 'Enrol with your subscription' })).not.toBeInTheDocument()
  })

  it('paid course in the subscription, active subscriber: enrols through the subscription', async () => {
    const lesson = buildSyllabusLesson({ title: 'Welcome' })
    const course = buildCourseDetail({
      slug: SLUG,
      price_amount: 250000,
      is_free: false,
      included_in_subscription: true,
      sections: [buildSection({ lessons: [lesson] })],
    })
    const api = mockFetch([
      ...signedIn(buildSession()),
      ...courseRoutes(course),
      { method: 'GET', path: '/api/v1/subscriptions', handler: () => json([{ id: 's1', status: 'active' }]) },
      { method: 'POST', path: '/api/v1/subscriptions/enrol', handler: () => json({ id: 'e1' }, 201) },
      { method: 'GET', path: `/api/v1/lessons/${lesson.id}`, handler: () => apiError(404, 'not_found') },
    ])
    const { user, router } = renderApp(`/courses/${SLUG}`)

    const panel = await cta()
    expect(panel.getByText('Included in the subscription')).toBeInTheDocument()
    await user.click(await panel.findByRole('button', { name: 'Enrol with your subscription' }))

    await waitFor(() => expect(router.state.location.pathname).toMatch(new RegExp(`^/learn/${SLUG}`)))
    const calls = api.calls('POST', '/api/v1/subscriptions/enrol')
    expect(calls).toHaveLength(1)
    expect(await calls[0]!.json()).toEqual({ course: SLUG })
  })

  it('enrolling through a subscription that no longer covers the course says so', async () => {
    const course = buildCourseDetail({ slug: SLUG, price_amount: 250000, is_free: false, included_in_subscription: true })
    mockFetch([
      ...signedIn(buildSession()),
      ...courseRoutes(course),
      { method: 'GET', path: '/api/v1/subscriptions', handler: () => json([{ id: 's1', status: 'past_due' }]) },
      {
        method: 'POST',
        path: '/api/v1/subscriptions/enrol',
        handler: () => apiError(402, 'subscription_required', 'Subscription required.'),
      },
    ])
    const { user } = renderApp(`/courses/${SLUG}`)

    await user.click(await (await cta()).findByRole('button', { name: 'Enrol with your subscription' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Your subscription does not include this course any more.')
  })

  it('enrolled student: progress and "Continue learning"', async () => {
    const course = buildCourseDetail({ slug: SLUG, viewer: { is_enrolled: true, progress_percent: 40 } })
    mockFetch([...signedIn(buildSession()), ...courseRoutes(course)])
    renderApp(`/courses/${SLUG}`)

    const panel = await cta()
    expect(panel.getByRole('link', { name: 'Continue learning' })).toHaveAttribute('href', `/learn/${SLUG}`)
    expect(panel.getByRole('progressbar', { name: 'Your progress' })).toHaveAttribute('aria-valuenow', '40')
    expect(panel.queryByRole('button', { name: /Enrol|Buy/ })).not.toBeInTheDocument()
  })

  it('tutor of the course: "Edit course" instead of enrolling', async () => {
    const course = buildCourseDetail({ slug: SLUG, status: 'draft', viewer: { can_edit: true } })
    mockFetch([...signedIn(buildSession({ user: buildTutorUser() })), ...courseRoutes(course)])
    renderApp(`/courses/${SLUG}`)

    const panel = await cta()
    expect(panel.getByRole('link', { name: 'Edit course' })).toHaveAttribute('href', `/teaching/${SLUG}`)
    expect(panel.queryByRole('button', { name: /Enrol|Buy/ })).not.toBeInTheDocument()
    expect(screen.getByText('Draft')).toBeInTheDocument()
  })

  it('shows a not-found state for an unknown course', async () => {
    mockFetch([
      anonymous,
      { method: 'GET', path: /^\/api\/v1\/courses\/.+/, handler: () => apiError(404, 'not_found', 'No course here.') },
    ])
    renderApp('/courses/nope')

    expect(await screen.findByRole('heading', { level: 1, name: 'Course not found' })).toBeInTheDocument()
  })
})

describe('review form', () => {
  it('asks for a star rating, then posts the review', async () => {
    const course = buildCourseDetail({ slug: SLUG, viewer: { is_enrolled: true, can_review: true } })
    let posted: unknown
    const api = mockFetch([
      ...signedIn(buildSession()),
      ...courseRoutes(course),
      {
        method: 'POST',
        path: `/api/v1/courses/${SLUG}/reviews`,
        handler: async (request) => {
          posted = await request.json()
          return json({
            id: 'mine',
            rating: 4,
            body: 'Very clear.',
            student: { id: 'me', full_name: 'Ayesha Khan', avatar_url: null },
            created_at: '2026-03-01T10:00:00Z',
          })
        },
      },
    ])
    const { user } = renderApp(`/courses/${SLUG}`)

    const form = within((await screen.findByRole('heading', { name: 'Review this course' })).parentElement!)
    await user.type(form.getByRole('textbox', { name: /Your review/ }), 'Very clear.')
    await user.click(form.getByRole('button', { name: 'Post review' }))

    const stars = form.getByRole('group', { name: 'Your rating' })
    expect(stars).toHaveAccessibleDescription('Choose a rating from 1 to 5 stars.')
    expect(within(stars).getByRole('radio', { name: '1 star' })).toHaveFocus()
    expect(api.calls('POST', `/api/v1/courses/${SLUG}/reviews`)).toHaveLength(0)

    await user.click(within(stars).getByRole('radio', { name: '4 stars' }))
    expect(within(stars).getByRole('radio', { name: '4 stars' })).toBeChecked()
    await user.click(form.getByRole('button', { name: 'Post review' }))

    expect(await screen.findByText('Thank you! Your review has been saved.')).toBeInTheDocument()
    expect(posted).toEqual({ rating: 4, body: 'Very clear.' })
    expect(stars).not.toHaveAccessibleDescription()
  })

  it('shows server field errors beside the field', async () => {
    const course = buildCourseDetail({ slug: SLUG, viewer: { is_enrolled: true, can_review: true } })
    mockFetch([
      ...signedIn(buildSession()),
      ...courseRoutes(course),
      {
        method: 'POST',
        path: `/api/v1/courses/${SLUG}/reviews`,
        handler: () => apiError(400, 'validation_error', 'Check the highlighted fields.', { body: ['Too rude.'] }),
      },
    ])
    const { user } = renderApp(`/courses/${SLUG}`)

    await user.click(await screen.findByRole('radio', { name: '2 stars' }))
    await user.click(screen.getByRole('button', { name: 'Post review' }))

    const body = screen.getByRole('textbox', { name: /Your review/ })
    await waitFor(() => expect(body).toHaveAttribute('aria-invalid', 'true'))
    expect(body).toHaveAccessibleDescription(expect.stringContaining('Too rude.'))
  })
})
