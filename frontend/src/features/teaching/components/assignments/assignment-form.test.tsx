import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Assignment, AssignmentCreateBody } from '@/api/types'
import { buildSection, buildSyllabusLesson } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import {
  buildAssignment,
  GRADING_SLUG,
  gradingBaseRoutes,
  gradingCourse,
  page,
} from '@/testing/grading-factories'
import { renderApp } from '@/testing/render-app'

// These tests type a lot and wait on several requests: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 })

// The builder route is loaded lazily; load it once up front rather than inside the first test.
beforeAll(async () => {
  await import('@/features/teaching/routes/course-builder')
}, 60_000)

/** Puts text in a field in one go (typing it key by key is slow and tests nothing more here). */
async function paste(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, text: string) {
  await user.click(field)
  await user.paste(text)
}

const homework = buildSyllabusLesson({ id: 'l-homework', title: 'Homework 1', kind: 'assignment' })
const course = gradingCourse({
  sections: [buildSection({ title: 'Basics', lessons: [buildSyllabusLesson({ title: 'Intro' }), homework] })],
})
const LIST = `/api/v1/courses/${GRADING_SLUG}/assignments`

function assignmentRoutes(initial: Assignment[], extra: Route[] = []) {
  let list = initial
  const api = mockFetch([
    ...extra,
    ...gradingBaseRoutes(course),
    { method: 'GET', path: LIST, handler: () => json(list) },
    {
      method: 'POST',
      path: LIST,
      handler: async (request) => {
        const body = (await request.json()) as AssignmentCreateBody
        const { due_at: _due, lesson_id, rubric = [], allowed_file_kinds = [], ...rest } = body
        const created = buildAssignment({
          ...rest,
          id: 'a-new',
          due_at: '2030-05-10T12:00:00Z',
          lesson_id: lesson_id ?? null,
          rubric,
          allowed_file_kinds,
        })
        list = [...list, created]
        return json(created, 201)
      },
    },
    { method: 'GET', path: /^\/api\/v1\/assignments\/[^/]+\/submissions$/, handler: () => json(page([])) },
  ])
  return { ...api, setList: (next: Assignment[]) => (list = next) }
}

async function bodyOf(request: Request | undefined) {
  return (await request!.clone().json()) as unknown
}

describe('assignments tab: the list', { timeout: 20_000 }, () => {
  it('shows each assignment with its deadline on the tutor’s clock, status and lesson', async () => {
    assignmentRoutes([
      buildAssignment({ title: 'Loops worksheet', due_at: '2030-05-10T12:00:00Z', points: 10, lesson_id: 'l-homework' }),
      buildAssignment({ title: 'Essay', due_at: null, is_published: false }),
    ])
    renderApp(`/teaching/${GRADING_SLUG}?tab=assignments`)

    const list = await screen.findByRole('list', { name: 'Assignments' })
    const [loops, essay] = within(list).getAllByRole('listitem')
    expect(within(loops!).getByRole('link', { name: 'Loops worksheet' })).toBeInTheDocument()
    expect(loops).toHaveTextContent('Published')
    expect(loops).toHaveTextContent(/10.May.2030.*5:00\s?pm/i)
    expect(loops).toHaveTextContent('Homework 1')
    expect(essay).toHaveTextContent('Draft')
    expect(essay).toHaveTextContent('No deadline')
    expect(essay).toHaveTextContent('Not linked to a lesson')
    expect(screen.getByText('Times are shown in your time zone (Asia/Karachi).')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'New assignment' })).toBeInTheDocument()
  })
})

describe('assignments tab: creating and editing', { timeout: 20_000 }, () => {
  it('creates an assignment with a rubric, sending the due date without an offset', async () => {
    const api = assignmentRoutes([])
    const { user, router } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments`)

    expect(await screen.findByText('No assignments yet', {})).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'New assignment' }))
    expect(router.state.location.search).toBe('?tab=assignments&assignment=new')

    await paste(user, await screen.findByLabelText('Title'), 'Loops worksheet')
    await paste(user, screen.getByLabelText('Instructions'), 'Solve the five problems.')
    const due = screen.getByLabelText('Due date')
    expect(due).toHaveAccessibleDescription(expect.stringContaining('Asia/Karachi'))
    fireEvent.change(due, { target: { value: '2030-05-10T17:00' } })
    await user.clear(screen.getByLabelText('Points'))
    await user.type(screen.getByLabelText('Points'), '10')
    await user.selectOptions(screen.getByLabelText('Late work'), 'penalty')
    await user.clear(screen.getByLabelText('Late penalty (%)'))
    await user.type(screen.getByLabelText('Late penalty (%)'), '20')
    const kinds = screen.getByRole('group', { name: 'Allowed file types' })
    await user.click(within(kinds).getByLabelText('Code'))
    await user.click(within(kinds).getByLabelText('PDF'))
    await user.clear(screen.getByLabelText('Maximum files'))
    await user.type(screen.getByLabelText('Maximum files'), '2')

    await user.click(screen.getByRole('button', { name: 'Add criterion' }))
    await paste(user, screen.getByLabelText('Criterion 1'), 'Correctness')
    await user.type(screen.getByLabelText('Marks for criterion 1'), '6')
    await user.click(screen.getByRole('button', { name: 'Add criterion' }))
    await paste(user, screen.getByLabelText('Criterion 2'), 'Style')
    await user.type(screen.getByLabelText('Marks for criterion 2'), '4')
    expect(screen.getByText('The criteria add up to 10 of 10 points.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Move criterion 2 up' }))
    expect(screen.getByLabelText('Criterion 1')).toHaveValue('Style')

    await user.selectOptions(screen.getByLabelText('Syllabus lesson'), 'l-homework')
    await user.click(screen.getByLabelText('Published'))
    await user.click(screen.getByRole('button', { name: 'Save assignment' }))

    await waitFor(() => expect(api.calls('POST', LIST)).toHaveLength(1))
    expect(await bodyOf(api.calls('POST', LIST)[0])).toEqual({
      title: 'Loops worksheet',
      instructions: 'Solve the five problems.',
      due_at: '2030-05-10T17:00',
      points: 10,
      late_policy: 'penalty',
      late_penalty_percent: 20,
      allowed_file_kinds: ['pdf', 'code'],
      max_files: 2,
      rubric: [
        { id: 'c2', title: 'Style', points: 4 },
        { id: 'c1', title: 'Correctness', points: 6 },
      ],
      is_published: true,
      lesson_id: 'l-homework',
    })
    expect(await screen.findByText('Assignment created.')).toBeInTheDocument()
    await waitFor(() => expect(router.state.location.search).toBe('?tab=assignments&assignment=a-new'))
    expect(await screen.findByRole('heading', { name: 'Loops worksheet' })).toBeInTheDocument()
    expect(await screen.findByText('Nothing handed in yet')).toBeInTheDocument()
    // Shown back on the Karachi clock.
    expect(screen.getByLabelText('Due date')).toHaveValue('2030-05-10T17:00')
  })

  it('shows the server’s field errors beside the fields', async () => {
    const api = assignmentRoutes([], [
      {
        method: 'POST',
        path: LIST,
        handler: () =>
          apiError(400, 'validation_error', 'Check the highlighted fields.', {
            due_at: ['The due date has already passed; choose a later one.'],
            'rubric.0.title': ['Ensure this field has no more than 200 characters.'],
          }),
      },
    ])
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=new`)

    await paste(user, await screen.findByLabelText('Title'), 'Old news')
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2020-01-01T09:00' } })
    await user.clear(screen.getByLabelText('Points'))
    await user.type(screen.getByLabelText('Points'), '5')
    await user.click(screen.getByRole('button', { name: 'Add criterion' }))
    await paste(user, screen.getByLabelText('Criterion 1'), 'Everything')
    await user.type(screen.getByLabelText('Marks for criterion 1'), '5')
    await user.click(screen.getByRole('button', { name: 'Save assignment' }))

    const due = screen.getByLabelText('Due date')
    await waitFor(() => expect(due).toHaveAttribute('aria-invalid', 'true'))
    expect(due).toHaveAccessibleDescription(expect.stringContaining('The due date has already passed'))
    expect(due).toHaveFocus()
    expect(screen.getByLabelText('Criterion 1')).toHaveAccessibleDescription(
      'Ensure this field has no more than 200 characters.',
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Check the highlighted fields.')
    expect(api.calls('POST', LIST)).toHaveLength(1)
  })

  it('checks the rubric adds up before sending', async () => {
    const api = assignmentRoutes([])
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=new`)

    await user.click(await screen.findByRole('button', { name: 'Save assignment' }))
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Give the assignment a title.')

    await paste(user, screen.getByLabelText('Title'), 'Essay')
    await user.click(screen.getByRole('button', { name: 'Add criterion' }))
    await paste(user, screen.getByLabelText('Criterion 1'), 'Argument')
    await user.type(screen.getByLabelText('Marks for criterion 1'), '30')
    await user.click(screen.getByRole('button', { name: 'Save assignment' }))

    expect(
      screen.getByText('The criteria add up to 30 points, but the assignment is worth 100.'),
    ).toBeInTheDocument()
    expect(screen.getByLabelText('Criterion 1')).toHaveFocus()
    expect(api.calls('POST', LIST)).toHaveLength(0)
  })

  it('edits an assignment without resending an unchanged due date', async () => {
    const existing = buildAssignment({
      id: 'a-1',
      title: 'Loops worksheet',
      lesson_id: 'l-homework',
      due_at: '2030-05-10T12:00:00Z',
      rubric: [{ id: 'c1', title: 'Correctness', points: 10 }],
    })
    const api = assignmentRoutes([existing], [
      {
        method: 'PATCH',
        path: '/api/v1/assignments/a-1',
        handler: async (request) =>
          json({ ...existing, ...((await request.json()) as object) }),
      },
    ])
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments`)

    await user.click(await screen.findByRole('link', { name: 'Loops worksheet' }))
    const title = await screen.findByLabelText('Title')
    expect(screen.getByLabelText('Due date')).toHaveValue('2030-05-10T17:00')
    // The linked lesson is selected and can be changed; left as it is, it is not sent again.
    expect(screen.getByLabelText('Syllabus lesson')).toHaveValue('l-homework')

    await user.clear(title)
    await paste(user, title, 'Loops, part 1')
    await user.click(screen.getByRole('button', { name: 'Save assignment' }))

    await waitFor(() => expect(api.calls('PATCH', '/api/v1/assignments/a-1')).toHaveLength(1))
    const body = (await bodyOf(api.calls('PATCH', '/api/v1/assignments/a-1')[0])) as Record<string, unknown>
    expect(body).toMatchObject({ title: 'Loops, part 1', rubric: [{ id: 'c1', title: 'Correctness', points: 10 }] })
    expect(body).not.toHaveProperty('due_at')
    expect(body).not.toHaveProperty('lesson_id')
    expect(await screen.findByText('Assignment saved.')).toBeInTheDocument()
  })
})

describe('assignments tab: deleting', { timeout: 20_000 }, () => {
  it('asks first, then deletes and goes back to the list', async () => {
    const existing = buildAssignment({ id: 'a-1', title: 'Loops worksheet' })
    const api = assignmentRoutes([existing], [
      { method: 'DELETE', path: '/api/v1/assignments/a-1', handler: () => json(null, 204) },
    ])
    const { user, router } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=a-1`)

    await user.click(await screen.findByRole('button', { name: 'Delete assignment' }))
    let dialog = screen.getByRole('alertdialog', { name: 'Delete “Loops worksheet”?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(api.calls('DELETE', '/api/v1/assignments/a-1')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Delete assignment' }))
    dialog = screen.getByRole('alertdialog')
    api.setList([])
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))

    await waitFor(() => expect(api.calls('DELETE', '/api/v1/assignments/a-1')).toHaveLength(1))
    expect(await screen.findByText('“Loops worksheet” was deleted.')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?tab=assignments')
    expect(await screen.findByText('No assignments yet')).toBeInTheDocument()
  })

  it('explains why work already handed in blocks deleting', async () => {
    const existing = buildAssignment({ id: 'a-1', title: 'Loops worksheet' })
    assignmentRoutes([existing], [
      {
        method: 'DELETE',
        path: '/api/v1/assignments/a-1',
        handler: () => apiError(409, 'assignment_has_submissions', 'Students have handed work in.'),
      },
    ])
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=a-1`)

    await user.click(await screen.findByRole('button', { name: 'Delete assignment' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Students have already handed work in, so this assignment can't be deleted. Unpublish it instead.",
    )
    expect(screen.getByRole('heading', { name: 'Loops worksheet' })).toBeInTheDocument()
  })
})
