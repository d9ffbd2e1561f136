import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'

import type { CourseDetail, CourseUpdateBody, Person } from '@/api/types'
import { Toaster } from '@/components/ui/toaster'
import { AuthProvider } from '@/lib/auth/auth-provider'
import { buildCourseDetail, buildSession, buildTutor, buildTutorUser } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { signedIn } from '@/testing/routes'

import { CourseDetailsForm } from './course-details-form'

const SLUG = 'python-from-zero'
const owner: Person = { id: '20000000-0000-4000-8000-000000000001', full_name: 'Sara Malik', avatar_url: null }
const bilal: Person = { id: '20000000-0000-4000-8000-000000000002', full_name: 'Bilal Ahmed', avatar_url: null }
const sana = buildTutor({ id: '20000000-0000-4000-8000-000000000003', full_name: 'Sana Raza', headline: 'Python and data' })

/** The Details tab on its own, under the providers it needs (session, queries, toasts). */
function renderDetails(course: CourseDetail) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  const router = createMemoryRouter([{ path: '/teaching/:slug', element: <CourseDetailsForm course={course} /> }], {
    initialEntries: [`/teaching/${course.slug}`],
  })
  const user = userEvent.setup()
  render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider fallback={null}>
        <RouterProvider router={router} />
        <Toaster />
      </AuthProvider>
    </QueryClientProvider>,
  )
  return { user }
}

function setup({ me, patch }: { me: Person; patch?: (body: CourseUpdateBody) => Response }) {
  let course: CourseDetail = buildCourseDetail({
    slug: SLUG,
    title: 'Python from zero',
    tutor: owner,
    co_tutors: [bilal],
    viewer: { can_edit: true },
  })
  const bodies: CourseUpdateBody[] = []
  const routes: Route[] = [
    ...signedIn(buildSession({ user: buildTutorUser({ id: me.id, full_name: me.full_name }) })),
    { method: 'GET', path: '/api/v1/categories', handler: () => json([]) },
    {
      method: 'GET',
      path: '/api/v1/tutors',
      // The directory knows nothing of the course: it returns the owner and current co-tutors too.
      handler: () =>
        json({
          count: 3,
          next: null,
          previous: null,
          results: [buildTutor({ ...owner }), buildTutor({ ...bilal }), sana],
        }),
    },
    {
      method: 'PATCH',
      path: `/api/v1/courses/${SLUG}`,
      handler: async (request) => {
        const body = (await request.json()) as CourseUpdateBody
        bodies.push(body)
        if (patch) return patch(body)
        const byId = new Map([bilal, sana, owner].map((person) => [person.id, person]))
        course = { ...course, co_tutors: (body.co_tutor_ids ?? []).map((id) => byId.get(id)!) }
        return json(course)
      },
    },
  ]
  return { api: mockFetch(routes), bodies, course }
}

describe('co-tutors in the Details tab', () => {
  it('lets the owner search, add and remove co-tutors, and saves them with the details', async () => {
    const { api, bodies, course } = setup({ me: owner })
    const { user } = renderDetails(course)

    const chips = await screen.findByRole('list', { name: 'Co-tutors' })
    expect(within(chips).getByText('Bilal Ahmed')).toBeInTheDocument()

    const search = screen.getByRole('searchbox', { name: 'Add a co-tutor' })
    await user.type(search, 'python{Enter}')
    // Enter searches; it does not submit the details form.
    const results = await screen.findByRole('list', { name: 'Matching tutors' })
    expect(bodies).toHaveLength(0)
    const searches = api.calls('GET', '/api/v1/tutors')
    expect(searches).toHaveLength(1) // debounced: one request for the whole word
    expect(new URL(searches[0]!.url).searchParams.get('search')).toBe('python')
    // Neither the owner nor a tutor already added is offered.
    expect(within(results).getAllByRole('listitem')).toHaveLength(1)
    expect(within(results).queryByText('Sara Malik')).not.toBeInTheDocument()

    await user.click(within(results).getByRole('button', { name: 'Add Sana Raza' }))
    expect(within(chips).getByText('Sana Raza')).toBeInTheDocument()
    expect(search).toHaveFocus()
    expect(screen.getByText('Sana Raza added. Save the details to keep this change.')).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Matching tutors' })).not.toBeInTheDocument()
    expect(screen.getByText('Every tutor matching “python” is already on this course.')).toBeInTheDocument()

    await user.click(within(chips).getByRole('button', { name: 'Remove Bilal Ahmed' }))
    expect(within(chips).queryByText('Bilal Ahmed')).not.toBeInTheDocument()
    expect(search).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Save details' }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).toMatchObject({ co_tutor_ids: [sana.id] })
    expect(await screen.findByText('The course details have been saved.')).toBeInTheDocument()
    expect(within(screen.getByRole('list', { name: 'Co-tutors' })).getAllByRole('listitem')).toHaveLength(1)
  })

  it('puts the server’s co-tutor error beside the field', async () => {
    const { bodies, course } = setup({
      me: owner,
      patch: () =>
        apiError(400, 'validation_error', 'Check the highlighted fields.', {
          co_tutor_ids: ['Every co-tutor must be an active tutor other than the owner.'],
        }),
    })
    const { user } = renderDetails(course)

    await user.click(await screen.findByRole('button', { name: 'Save details' }))

    const search = screen.getByRole('searchbox', { name: 'Add a co-tutor' })
    await waitFor(() => expect(search).toHaveAttribute('aria-invalid', 'true'))
    expect(search).toHaveFocus()
    expect(search).toHaveAccessibleDescription(expect.stringContaining('must be an active tutor other than the owner'))
    expect(bodies[0]).toMatchObject({ co_tutor_ids: [bilal.id] })
  })

  it('shows co-tutors read-only to anyone but the owner, and never sends them', async () => {
    const { bodies, course } = setup({ me: bilal })
    const { user } = renderDetails(course)

    const chips = await screen.findByRole('list', { name: 'Co-tutors' })
    expect(within(chips).getByText('Bilal Ahmed')).toBeInTheDocument()
    expect(within(chips).queryByRole('button')).not.toBeInTheDocument()
    expect(screen.queryByRole('searchbox', { name: 'Add a co-tutor' })).not.toBeInTheDocument()
    expect(screen.getByText('Only the course owner, Sara Malik, can change the co-tutors.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Save details' }))
    await waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).not.toHaveProperty('co_tutor_ids')
  })
})
