import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { CourseCard } from '@/api/types'
import { buildCourseCard } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { anonymous } from '@/testing/routes'

const categories: Route = {
  method: 'GET',
  path: '/api/v1/categories',
  handler: () =>
    json([
      { slug: 'programming', name: 'Programming' },
      { slug: 'languages', name: 'Languages' },
    ]),
}

function page(results: CourseCard[], count = results.length) {
  return json({ count, next: null, previous: null, results })
}

function lastQuery(api: ReturnType<typeof mockFetch>) {
  return new URL(api.calls('GET', '/api/v1/courses').at(-1)!.url).searchParams
}

describe('course catalogue', () => {
  it('shows a card per course: tutor, rating, level, duration and price', async () => {
    mockFetch([
      anonymous,
      categories,
      {
        method: 'GET',
        path: '/api/v1/courses',
        handler: () =>
          page([
            buildCourseCard({ title: 'Python from zero', slug: 'python-from-zero', duration_seconds: 5400 }),
            buildCourseCard({
              title: 'Urdu calligraphy',
              price_amount: 250000,
              is_free: false,
              level: 'advanced',
              duration_seconds: 2700,
              rating_count: 0,
            }),
          ]),
      },
    ])
    renderApp('/courses')

    const cards = await screen.findAllByRole('article')
    expect(cards).toHaveLength(2)
    const python = within(cards[0]!)
    expect(python.getByRole('link', { name: 'Python from zero' })).toHaveAttribute('href', '/courses/python-from-zero')
    expect(python.getByText('Sara Malik')).toBeInTheDocument()
    expect(python.getByRole('img', { name: 'Rated 4.5 out of 5' })).toBeInTheDocument()
    expect(python.getByText('(12 ratings)')).toBeInTheDocument()
    expect(python.getByText('Beginner')).toBeInTheDocument()
    expect(python.getByText('1 h 30 min')).toBeInTheDocument()
    expect(python.getByText('Free')).toBeInTheDocument()

    const urdu = within(cards[1]!)
    expect(urdu.getByText(/^Rs\s?2,500$/)).toBeInTheDocument()
    expect(urdu.getByText('45 min')).toBeInTheDocument()
    expect(urdu.getByText('No ratings yet')).toBeInTheDocument()
    expect(screen.getByText('2 courses')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Courses' })).toHaveAttribute('aria-current', 'page')
  })

  it('puts every filter in the URL and asks the API again', async () => {
    const api = mockFetch([
      anonymous,
      categories,
      { method: 'GET', path: '/api/v1/courses', handler: () => page([buildCourseCard()], 30) },
    ])
    const { user, router } = renderApp('/courses?page=2')
    await screen.findAllByRole('article')

    await screen.findByRole('option', { name: 'Programming' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'programming')
    await waitFor(() => expect(router.state.location.search).toBe('?category=programming'))
    await waitFor(() => expect(lastQuery(api).get('category')).toBe('programming'))
    expect(lastQuery(api).get('page')).toBeNull()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), 'intermediate')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Course language' }), 'ur')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rating' }), '4')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'price_asc')
    await user.type(screen.getByRole('textbox', { name: 'From' }), '500')
    await user.type(screen.getByRole('textbox', { name: 'To' }), '2,500')
    await user.click(screen.getByRole('button', { name: 'Apply price range' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'pyton')
    await user.click(screen.getByRole('button', { name: 'Search' }))

    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        category: 'programming',
        level: 'intermediate',
        language: 'ur',
        rating_min: '4',
        sort: 'price_asc',
        price_min: '500',
        price_max: '2,500',
        search: 'pyton',
      }),
    )
    // Prices are typed in rupees and sent in paisa.
    await waitFor(() =>
      expect(Object.fromEntries(lastQuery(api))).toEqual({
        category: 'programming',
        level: 'intermediate',
        language: 'ur',
        rating_min: '4',
        sort: 'price_asc',
        price_min: '50000',
        price_max: '250000',
        search: 'pyton',
      }),
    )

    // "Free" drops the price range; back/forward restore what the URL says.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Price' }), 'free')
    await waitFor(() => expect(lastQuery(api).get('price')).toBe('free'))
    expect(lastQuery(api).get('price_min')).toBeNull()
    await act(() => router.navigate(-1))
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Price' })).toHaveValue(''))
    expect(screen.getByRole('textbox', { name: 'From' })).toHaveValue('500')
  })

  it('offers "Best match" only while searching and clears the filters from the empty state', async () => {
    const api = mockFetch([anonymous, categories, { method: 'GET', path: '/api/v1/courses', handler: () => page([]) }])
    const { user, router } = renderApp('/courses?search=quantum&level=advanced')

    expect(await screen.findByText('No courses match your search.')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('relevance')
    await user.click(screen.getByRole('link', { name: 'Clear filters' }))

    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest')
    expect(screen.queryByRole('option', { name: 'Best match' })).not.toBeInTheDocument()
    await waitFor(() => expect([...lastQuery(api).keys()]).toEqual([]))
  })

  it('shows skeletons while loading and an error with a retry button', async () => {
    let fail = true
    mockFetch([
      anonymous,
      categories,
      {
        method: 'GET',
        path: '/api/v1/courses',
        handler: () =>
          fail ? apiError(500, 'server_error', 'Boom') : page([buildCourseCard({ title: 'Back again' })]),
      },
    ])
    const { user } = renderApp('/courses')

    expect(await screen.findByText('Loading courses…')).toBeInTheDocument()
    expect(await screen.findByText("We couldn't load courses.")).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument()
  })
})
