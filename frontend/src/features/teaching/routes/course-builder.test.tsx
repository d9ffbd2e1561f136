import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { CourseDetail, SyllabusBody } from '@/api/types'
import {
  buildCourseDetail,
  buildSection,
  buildSession,
  buildSyllabusLesson,
  buildTutorUser,
  buildUser,
} from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

const SLUG = 'python-from-zero'
const tutor = signedIn(buildSession({ user: buildTutorUser() }))
const categories: Route = { method: 'GET', path: '/api/v1/categories', handler: () => json([{ slug: 'programming', name: 'Programming' }]) }

function builderRoutes(initial: CourseDetail, extra: Route[] = []) {
  let course = initial
  const api = mockFetch([
    ...tutor,
    categories,
    { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course) },
    {
      method: 'PUT',
      path: `/api/v1/courses/${SLUG}/syllabus`,
      handler: async (request) => {
        const body = (await request.json()) as SyllabusBody
        const lessons = new Map(course.sections.flatMap((s) => s.lessons).map((lesson) => [lesson.id, lesson]))
        const sections = new Map(course.sections.map((section) => [section.id, section]))
        course = {
          ...course,
          sections: body.sections.map((entry, position) => ({
            ...sections.get(entry.id)!,
            position,
            lessons: entry.lessons.map((id, index) => ({ ...lessons.get(id)!, position: index })),
          })),
        }
        return json(course)
      },
    },
    ...extra,
  ])
  return api
}

async function putBodies(api: ReturnType<typeof mockFetch>) {
  return Promise.all(api.calls('PUT', `/api/v1/courses/${SLUG}/syllabus`).map((request) => request.clone().json()))
}

describe('course builder: syllabus', () => {
  const intro = buildSyllabusLesson({ id: 'l-intro', title: 'Intro' })
  const setup = buildSyllabusLesson({ id: 'l-setup', title: 'Set-up', kind: 'article' })
  const loops = buildSyllabusLesson({ id: 'l-loops', title: 'Loops' })
  const course = buildCourseDetail({
    slug: SLUG,
    title: 'Python from zero',
    status: 'draft',
    viewer: { can_edit: true },
    sections: [
      buildSection({ id: 's-basics', title: 'Basics', lessons: [intro, setup] }),
      buildSection({ id: 's-more', title: 'More', position: 1, lessons: [loops] }),
    ],
  })

  it('reorders lessons (also into another section) and sections, sending the whole order', async () => {
    const api = builderRoutes(course)
    const { user } = renderApp(`/teaching/${SLUG}?tab=syllabus`)

    expect(await screen.findByRole('tab', { name: 'Syllabus', selected: true })).toBeInTheDocument()
    const basics = await screen.findByRole('list', { name: 'Lessons in Basics' })
    expect(within(basics).getByRole('button', { name: 'Drag lesson Intro' })).toHaveAttribute(
      'aria-roledescription',
      'sortable',
    )
    expect(screen.getByRole('button', { name: 'Move Intro up' })).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Move Set-up up' }))
    await waitFor(async () =>
      expect(await putBodies(api)).toEqual([
        {
          sections: [
            { id: 's-basics', lessons: ['l-setup', 'l-intro'] },
            { id: 's-more', lessons: ['l-loops'] },
          ],
        },
      ]),
    )
    // The new order shows at once.
    expect(within(basics).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Set-up'),
      expect.stringContaining('Intro'),
    ])

    // Down from the end of a section: to the start of the next one.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move Intro down' })).toBeEnabled())
    await user.click(screen.getByRole('button', { name: 'Move Intro down' }))
    await waitFor(async () => expect(await putBodies(api)).toHaveLength(2))
    expect((await putBodies(api))[1]).toEqual({
      sections: [
        { id: 's-basics', lessons: ['l-setup'] },
        { id: 's-more', lessons: ['l-intro', 'l-loops'] },
      ],
    })

    await user.click(screen.getByRole('button', { name: 'Move More up' }))
    await waitFor(async () => expect(await putBodies(api)).toHaveLength(3))
    expect((await putBodies(api))[2]).toEqual({
      sections: [
        { id: 's-more', lessons: ['l-intro', 'l-loops'] },
        { id: 's-basics', lessons: ['l-setup'] },
      ],
    })
    expect(screen.getByRole('list', { name: 'Sections' }).firstElementChild).toHaveTextContent('More')
  })

  it('puts the order back when the server refuses it', async () => {
    const api = mockFetch([
      ...tutor,
      categories,
      { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course) },
      {
        method: 'PUT',
        path: `/api/v1/courses/${SLUG}/syllabus`,
        handler: () => apiError(400, 'validation_error', 'The syllabus changed meanwhile; reload.'),
      },
    ])
    const { user } = renderApp(`/teaching/${SLUG}?tab=syllabus`)

    await user.click(await screen.findByRole('button', { name: 'Move Set-up up' }))

    expect(await screen.findByText('The syllabus changed meanwhile; reload.')).toBeInTheDocument()
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Lessons in Basics' }))
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual([expect.stringContaining('Intro'), expect.stringContaining('Set-up')]),
    )
    expect(api.calls('GET', `/api/v1/courses/${SLUG}`).length).toBeGreaterThan(1)
  })

  it('adds a section and deletes a lesson after confirming', async () => {
    const api = builderRoutes(course, [
      { method: 'POST', path: `/api/v1/courses/${SLUG}/sections`, handler: () => json({ id: 's-new', title: 'Extras', position: 2 }, 201) },
      { method: 'DELETE', path: '/api/v1/lessons/l-loops', handler: () => new Response(null, { status: 204 }) },
    ])
    const { user } = renderApp(`/teaching/${SLUG}?tab=syllabus`)

    await user.type(await screen.findByRole('textbox', { name: 'New section title' }), 'Extras')
    await user.click(screen.getByRole('button', { name: 'Add section' }))
    await waitFor(() => expect(api.calls('POST', `/api/v1/courses/${SLUG}/sections`)).toHaveLength(1))
    expect(await api.calls('POST', `/api/v1/courses/${SLUG}/sections`)[0]!.json()).toEqual({ title: 'Extras' })

    await user.click(screen.getByRole('button', { name: 'Delete lesson Loops' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the lesson “Loops”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(api.calls('DELETE', '/api/v1/lessons/l-loops')).toHaveLength(1))
  })
})

describe('course builder: publishing', () => {
  const draft = buildCourseDetail({ slug: SLUG, title: 'Python', status: 'draft', viewer: { can_edit: true } })

  it('lists what is missing and shows the course_incomplete fields when publishing fails', async () => {
    const api = builderRoutes(draft, [
      {
        method: 'GET',
        path: `/api/v1/courses/${SLUG}/publish-check`,
        handler: () =>
          json({
            ready: false,
            missing: [
              { field: 'description', message: 'Describe the course in at least 50 characters.' },
              { field: 'lessons', message: 'Add at least one lesson.' },
            ],
          }),
      },
      {
        method: 'POST',
        path: `/api/v1/courses/${SLUG}/publish`,
        handler: () =>
          apiError(400, 'course_incomplete', 'The course is not ready to publish yet.', {
            description: ['Describe the course in at least 50 characters.'],
            cover: ['Add a cover image.'],
            lessons: ['Add at least one lesson.'],
          }),
      },
    ])
    const { user } = renderApp(`/teaching/${SLUG}?tab=publish`)

    const checklist = await screen.findByText('Before you can publish:')
    expect(checklist.parentElement).toHaveTextContent('Describe the course in at least 50 characters.')

    await user.click(screen.getByRole('button', { name: 'Publish' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Publish “Python”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("The course isn't ready to publish yet:")
    expect(alert).toHaveTextContent('Add a cover image.')
    expect(alert).toHaveTextContent('Add at least one lesson.')
    expect(within(alert).getByRole('link', { name: 'Go to Syllabus' })).toHaveAttribute(
      'href',
      `/teaching/${SLUG}?tab=syllabus`,
    )
    expect(within(alert).getAllByRole('link', { name: 'Go to Details' })).toHaveLength(2)
    expect(api.calls('POST', `/api/v1/courses/${SLUG}/publish`)).toHaveLength(1)
  })

  it('explains course_has_students when deleting and offers to archive', async () => {
    const published = { ...draft, status: 'published' as const }
    builderRoutes(published, [
      {
        method: 'DELETE',
        path: `/api/v1/courses/${SLUG}`,
        handler: () => apiError(409, 'course_has_students', 'Students are enrolled in this course: archive it instead.'),
      },
    ])
    const { user } = renderApp(`/teaching/${SLUG}?tab=publish`)

    await user.click(await screen.findByRole('button', { name: 'Delete course' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete course' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("This course can't be deleted")
    expect(alert).toHaveTextContent('Students are enrolled in it. Archive it instead')
    expect(within(alert).getByRole('button', { name: 'Archive' })).toBeInTheDocument()
  })
})

describe('course builder: details', () => {
  it('sends the price in minor units and tags as a list, and puts server errors beside fields', async () => {
    const course = buildCourseDetail({
      slug: SLUG,
      title: 'Python',
      description: 'Old text',
      tags: ['python'],
      viewer: { can_edit: true },
    })
    let body: unknown
    builderRoutes(course, [
      {
        method: 'PATCH',
        path: `/api/v1/courses/${SLUG}`,
        handler: async (request) => {
          body = await request.json()
          return apiError(400, 'validation_error', 'Check the highlighted fields.', {
            slug: ['This address is taken; choose another.'],
            'tags.1': ['Ensure this field has no more than 32 characters.'],
          })
        },
      },
    ])
    const { user } = renderApp(`/teaching/${SLUG}`)

    const price = await screen.findByRole('textbox', { name: 'Price' })
    await user.type(price, '2,500.50')
    await user.clear(screen.getByRole('textbox', { name: /^Tags/ }))
    await user.type(screen.getByRole('textbox', { name: /^Tags/ }), 'python، programming, ,python')
    await user.click(screen.getByRole('button', { name: 'Save details' }))

    const slug = screen.getByRole('textbox', { name: 'Web address' })
    await waitFor(() => expect(slug).toHaveAttribute('aria-invalid', 'true'))
    expect(slug).toHaveFocus()
    expect(slug).toHaveAccessibleDescription(expect.stringContaining('This address is taken; choose another.'))
    expect(screen.getByRole('textbox', { name: /^Tags/ })).toHaveAccessibleDescription(
      expect.stringContaining('no more than 32 characters'),
    )
    expect(body).toMatchObject({ price_amount: 250050, currency: 'PKR', tags: ['python', 'programming'], description: 'Old text' })
  })
})

describe('teaching access', () => {
  it('shows "Teaching" in the nav only to tutors and explains the page to students', async () => {
    mockFetch([...signedIn(buildSession({ user: buildUser() }))])
    renderApp('/teaching')

    expect(await screen.findByRole('heading', { level: 1, name: 'Teaching is for tutors' })).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).queryByRole('link', { name: 'Teaching' })).not.toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'My courses' })).toBeInTheDocument()
  })

  it('lists the tutor’s courses with their status', async () => {
    mockFetch([
      ...tutor,
      {
        method: 'GET',
        path: '/api/v1/teaching/courses',
        handler: () =>
          json({
            count: 1,
            next: null,
            previous: null,
            results: [buildCourseDetail({ slug: SLUG, title: 'Python from zero', status: 'draft' })],
          }),
      },
    ])
    renderApp('/teaching')

    const card = await screen.findByRole('article')
    expect(within(card).getByRole('link', { name: 'Python from zero' })).toHaveAttribute('href', `/teaching/${SLUG}`)
    expect(within(card).getByText('Draft')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'New course' })).toHaveAttribute('href', '/teaching/new')
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Teaching' })).toBeInTheDocument()
  })
})
