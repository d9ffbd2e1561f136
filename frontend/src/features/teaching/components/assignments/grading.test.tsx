import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { SubmissionForTutor } from '@/api/types'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import {
  buildAssignment,
  buildPerson,
  buildSubmissionFile,
  buildSubmissionForTutor,
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

const course = gradingCourse()
const LIST = `/api/v1/courses/${GRADING_SLUG}/assignments`

const rubricAssignment = buildAssignment({
  id: 'a-1',
  title: 'Loops worksheet',
  points: 10,
  late_policy: 'penalty',
  late_penalty_percent: 20,
  rubric: [
    { id: 'c1', title: 'Correctness', points: 6 },
    { id: 'c2', title: 'Style', points: 4 },
  ],
})
const bilal = buildPerson({ full_name: 'Bilal Ahmed' })
const sana = buildPerson({ full_name: 'Sana Malik' })

function gradingRoutes(submissions: SubmissionForTutor[], extra: Route[] = [], assignment = rubricAssignment) {
  let rows = submissions
  const store = (updated: SubmissionForTutor) => {
    rows = rows.map((row) => (row.id === updated.id ? updated : row))
    return json(updated)
  }
  return mockFetch([
    ...extra,
    ...gradingBaseRoutes(course),
    { method: 'GET', path: LIST, handler: () => json([assignment]) },
    { method: 'GET', path: `/api/v1/assignments/${assignment.id}/submissions`, handler: () => json(page(rows)) },
    {
      method: 'GET',
      path: /^\/api\/v1\/submissions\/[^/]+$/,
      handler: (request) => json(rows.find((row) => request.url.endsWith(row.id))),
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/submissions\/[^/]+\/grade$/,
      handler: async (request) => {
        const id = new URL(request.url).pathname.split('/')[4]
        const body = (await request.json()) as { rubric_scores?: Record<string, string>; feedback: string }
        const row = rows.find((item) => item.id === id)!
        const score = Object.values(body.rubric_scores ?? {}).reduce((sum, value) => sum + Number(value), 0)
        const final = row.is_late ? score * 0.8 : score
        return store({
          ...row,
          status: 'graded',
          score: score.toFixed(2),
          final_score: final.toFixed(2),
          rubric_scores: body.rubric_scores ?? {},
          feedback: body.feedback,
          graded_at: '2030-05-11T09:00:00Z',
        })
      },
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/submissions\/[^/]+\/return$/,
      handler: (request) => {
        const id = new URL(request.url).pathname.split('/')[4]
        const row = rows.find((item) => item.id === id)!
        return store({ ...row, status: 'returned', returned_at: '2030-05-11T10:00:00Z' })
      },
    },
  ])
}

describe('assignments tab: grading', { timeout: 20_000 }, () => {
  it('grades with the rubric, shows the late penalty and returns the work', async () => {
    const late = buildSubmissionForTutor({
      id: 's-bilal',
      assignment_id: 'a-1',
      student: bilal,
      is_late: true,
      attempt: 2,
      text: 'My loops answer',
    })
    const onTime = buildSubmissionForTutor({ id: 's-sana', assignment_id: 'a-1', student: sana })
    const api = gradingRoutes([late, onTime])
    const { user, router } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=a-1`)

    const table = await screen.findByRole('table', { name: 'Submissions for Loops worksheet' })
    const bilalRow = within(table).getByRole('row', { name: /Bilal Ahmed/ })
    expect(bilalRow).toHaveTextContent('Late')
    expect(bilalRow).toHaveTextContent('Handed in')
    await user.click(within(table).getByRole('link', { name: 'Grade Bilal Ahmed' }))

    expect(router.state.location.search).toBe('?tab=assignments&assignment=a-1&submission=s-bilal')
    expect(await screen.findByRole('heading', { name: 'Bilal Ahmed' })).toBeInTheDocument()
    expect(screen.getByText('My loops answer')).toBeInTheDocument()
    expect(screen.getByText(/attempt 2/)).toBeInTheDocument()

    // A criterion can't get more than it is worth.
    const correctness = screen.getByLabelText('Correctness')
    await user.type(correctness, '9')
    expect(correctness).toHaveValue(6)
    await user.clear(correctness)
    await user.type(correctness, '5')
    await user.type(screen.getByLabelText('Style'), '3.5')
    expect(screen.getByText('Total: 8.5 / 10')).toBeInTheDocument()
    expect(screen.getByText('Handed in late: 20% is taken off.')).toBeInTheDocument()
    expect(screen.getByText('Final score after the late penalty: 6.8 / 10')).toBeInTheDocument()
    await paste(user, screen.getByLabelText('Feedback'), 'Tidy loops.')

    await user.click(screen.getByRole('button', { name: 'Save grade' }))
    await waitFor(() => expect(api.calls('POST', '/api/v1/submissions/s-bilal/grade')).toHaveLength(1))
    expect(await api.calls('POST', '/api/v1/submissions/s-bilal/grade')[0]!.json()).toEqual({
      rubric_scores: { c1: '5', c2: '3.5' },
      feedback: 'Tidy loops.',
    })
    expect(await screen.findByText(/Grade saved/)).toBeInTheDocument()
    expect(await screen.findByText('Final score 6.8 / 10')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Return to student' }))
    await waitFor(() => expect(api.calls('POST', '/api/v1/submissions/s-bilal/return')).toHaveLength(1))
    // Nothing changed since saving, so the grade isn't sent twice.
    expect(api.calls('POST', '/api/v1/submissions/s-bilal/grade')).toHaveLength(1)
    expect(await screen.findByText('Returned to Bilal Ahmed.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Return to student' })).toBeDisabled()

    // On to the next student in the table.
    await user.click(screen.getByRole('link', { name: /Next submission/ }))
    expect(await screen.findByRole('heading', { name: 'Sana Malik' })).toBeInTheDocument()
    expect(router.state.location.search).toContain('submission=s-sana')
  })

  it('grades with a single score, saving it on the way when returning', async () => {
    const plain = buildAssignment({ id: 'a-2', title: 'Essay', points: 20, rubric: [] })
    const file = buildSubmissionFile({ id: 'f-1', original_name: 'essay.pdf' })
    const essay = buildSubmissionForTutor({ id: 's-1', assignment_id: 'a-2', student: sana, files: [file], text: '' })
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    const api = gradingRoutes(
      [essay],
      [
        {
          method: 'POST',
          path: '/api/v1/submissions/s-1/grade',
          handler: async (request) => {
            const body = (await request.json()) as { score: string; feedback: string }
            return json({ ...essay, status: 'graded', score: body.score, final_score: body.score, feedback: body.feedback })
          },
        },
        {
          method: 'GET',
          path: '/api/v1/submission-files/f-1/download',
          handler: () => json({ url: '/media/private/essay.pdf?signature=abc' }),
        },
      ],
      plain,
    )
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=a-2&submission=s-1`)

    expect(await screen.findByText('No written answer.', {})).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Download essay.pdf' }))
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/media/private/essay.pdf?signature=abc'))

    await user.click(screen.getByRole('button', { name: 'Return to student' }))
    expect(screen.getByLabelText('Score')).toHaveAccessibleDescription(expect.stringContaining('Give a score.'))
    expect(api.calls('POST', '/api/v1/submissions/s-1/return')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('Score'), { target: { value: '25' } })
    expect(screen.getByLabelText('Score')).toHaveValue(20)
    fireEvent.change(screen.getByLabelText('Score'), { target: { value: '17.5' } })
    await user.click(screen.getByRole('button', { name: 'Return to student' }))

    await waitFor(() => expect(api.calls('POST', '/api/v1/submissions/s-1/return')).toHaveLength(1))
    expect(await api.calls('POST', '/api/v1/submissions/s-1/grade')[0]!.json()).toEqual({
      score: '17.5',
      feedback: '',
    })
  })

  it('shows why returning failed', async () => {
    const graded = buildSubmissionForTutor({
      id: 's-1',
      assignment_id: 'a-1',
      student: bilal,
      status: 'graded',
      score: '8.00',
      final_score: '8.00',
      rubric_scores: { c1: '5.00', c2: '3.00' },
    })
    gradingRoutes(
      [graded],
      [
        {
          method: 'POST',
          path: '/api/v1/submissions/s-1/return',
          handler: () => apiError(409, 'not_graded', 'Grade the work before returning it.'),
        },
      ],
    )
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=a-1&submission=s-1`)

    expect(await screen.findByLabelText('Correctness', {})).toHaveValue(5)
    expect(screen.getByText('Total: 8 / 10')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Return to student' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Grade the work before returning it.')
  })

  it('filters the table by status', async () => {
    const done = buildSubmissionForTutor({ assignment_id: 'a-1', student: bilal, status: 'returned', final_score: '7.00' })
    const waiting = buildSubmissionForTutor({ assignment_id: 'a-1', student: sana })
    gradingRoutes([done, waiting])
    const { user, router } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments&assignment=a-1`)

    const table = await screen.findByRole('table', {})
    expect(within(table).getByRole('row', { name: /Bilal Ahmed/ })).toHaveTextContent('7 / 10')
    await user.selectOptions(screen.getByLabelText('Show'), 'submitted')
    expect(router.state.location.search).toBe('?tab=assignments&assignment=a-1&status=submitted')
    expect(within(screen.getByRole('table')).queryByText('Bilal Ahmed')).not.toBeInTheDocument()
    expect(within(screen.getByRole('table')).getByText('Sana Malik')).toBeInTheDocument()
  })
})

describe('assignments tab: exporting grades', { timeout: 20_000 }, () => {
  let createObjectURL = vi.fn((_: Blob) => 'blob:grades')
  beforeEach(() => {
    createObjectURL = vi.fn((_: Blob) => 'blob:grades')
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
  })
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })

  it('downloads the CSV with the access token', async () => {
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`)
    })
    const api = gradingRoutes(
      [],
      [
        {
          method: 'GET',
          path: `/api/v1/courses/${GRADING_SLUG}/grades.csv`,
          handler: () =>
            new Response('Student,E-mail,Total\r\nBilal Ahmed,bilal@example.pk,8.00\r\n', {
              headers: { 'Content-Type': 'text/csv; charset=utf-8' },
            }),
        },
      ],
    )
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments`)

    await user.click(await screen.findByRole('button', { name: 'Export grades (CSV)' }))

    await waitFor(() => expect(downloads).toEqual([`${GRADING_SLUG}-grades.csv blob:grades`]))
    const request = api.calls('GET', `/api/v1/courses/${GRADING_SLUG}/grades.csv`)[0]!
    expect(request.headers.get('Authorization')).toBe('Bearer access-1')
    const blob = createObjectURL.mock.calls[0]![0]
    expect(await blob.text()).toContain('Bilal Ahmed,bilal@example.pk,8.00')
  })

  it('says so when the export fails', async () => {
    gradingRoutes(
      [],
      [
        {
          method: 'GET',
          path: `/api/v1/courses/${GRADING_SLUG}/grades.csv`,
          handler: () => apiError(500, 'server_error', 'Boom'),
        },
      ],
    )
    const { user } = renderApp(`/teaching/${GRADING_SLUG}?tab=assignments`)

    await user.click(await screen.findByRole('button', { name: 'Export grades (CSV)' }))

    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't export the grades.")
    expect(createObjectURL).not.toHaveBeenCalled()
  })
})
