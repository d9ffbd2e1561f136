import { configure, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Assignment, Submission, SubmitBody, UploadCreateBody } from '@/api/types'
import {
  buildAssignment,
  buildSubmission,
  buildSubmissionFile,
  buildUploadSession,
  daysFromNow,
} from '@/testing/assignments-factories'
import { FakeWebSocket } from '@/testing/fake-websocket'
import { FakeXhr } from '@/testing/fake-xhr'
import {
  buildCourseDetail,
  buildLesson,
  buildSection,
  buildSession,
  buildSyllabusLesson,
  buildUser,
} from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

const SLUG = 'python-from-zero'
const UPLOAD_ID = '73000000-0000-4000-8000-0000000000aa'
const meta = buildSyllabusLesson({ title: 'Loops homework', kind: 'assignment' })
/** The whole app starts up (session, course, lesson) before the first thing a test looks for. */
const START = { timeout: 5000 }

function pdf(name = 'answers.pdf', content = '%PDF-1.7 x') {
  return new File([content], name, { type: 'application/pdf', lastModified: 1_700_000_000_000 })
}

/** A student enrolled in the course, on the assignment lesson; the server keeps the submission. */
function setup({
  assignment,
  submission = null,
  submit,
  extra = [],
  language = 'en',
}: {
  assignment: Assignment | null
  submission?: Submission | null
  submit?: (body: SubmitBody) => Response
  extra?: Route[]
  language?: 'en' | 'ur'
}) {
  const state = { submission }
  const lesson = buildLesson({
    id: meta.id,
    title: 'Loops homework',
    kind: 'assignment',
    video_url: null,
    assignment_id: assignment?.id ?? null,
  })
  const course = buildCourseDetail({
    slug: SLUG,
    title: 'Python from zero',
    sections: [buildSection({ title: 'Basics', lessons: [meta] })],
    viewer: { is_enrolled: true },
  })
  const routes: Route[] = [
    ...extra,
    ...signedIn(buildSession({ user: buildUser({ language }) })),
    { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course) },
    { method: 'GET', path: `/api/v1/lessons/${meta.id}`, handler: () => json(lesson) },
    { method: 'GET', path: `/api/v1/lessons/${meta.id}/notes`, handler: () => json([]) },
  ]
  if (assignment) {
    const path = `/api/v1/assignments/${assignment.id}/submission`
    routes.push(
      { method: 'GET', path: `/api/v1/assignments/${assignment.id}`, handler: () => json(assignment) },
      {
        method: 'GET',
        path,
        handler: () => (state.submission ? json(state.submission) : apiError(404, 'not_found', 'Nothing handed in yet.')),
      },
      {
        method: 'POST',
        path,
        handler: async (request) => {
          const body = (await request.json()) as SubmitBody
          if (submit) return submit(body)
          const before = state.submission
          state.submission = buildSubmission({
            id: before?.id ?? '72000000-0000-4000-8000-000000000001',
            assignment_id: assignment.id,
            text: body.text ?? '',
            files: body.upload_ids
              ? body.upload_ids.map((id) => buildSubmissionFile({ id: `file-${id}`, original_name: 'answers.pdf' }))
              : (before?.files ?? []),
            submitted_at: new Date().toISOString(),
            attempt: (before?.attempt ?? 0) + 1,
          })
          return json(state.submission)
        },
      },
    )
  }
  return { api: mockFetch(routes), state }
}

/**
 * `POST /uploads`, `GET /uploads/{id}`, chunks and completion for one upload. Chunks are held while
 * `server.hold` is set, so a test can stop an upload half-way.
 */
function uploadRoutes() {
  const server = { declared: null as UploadCreateBody | null, received: 0, hold: false }
  const session = () =>
    buildUploadSession({
      id: UPLOAD_ID,
      filename: server.declared?.filename,
      size: server.declared?.size,
      kind: server.declared?.kind,
      received_bytes: server.received,
    })
  FakeXhr.install((request) => {
    if (server.hold) return new Promise<never>(() => {})
    const [, , to] = /^bytes (\d+)-(\d+)\/\d+$/.exec(request.headers['Content-Range'] ?? '') ?? []
    server.received = Number(to) + 1
    return { status: 200, body: session() }
  })
  const routes: Route[] = [
    {
      method: 'POST',
      path: '/api/v1/uploads',
      handler: async (request) => {
        server.declared = (await request.json()) as UploadCreateBody
        server.received = 0
        return json(session(), 201)
      },
    },
    { method: 'GET', path: `/api/v1/uploads/${UPLOAD_ID}`, handler: () => json(session()) },
    {
      method: 'POST',
      path: `/api/v1/uploads/${UPLOAD_ID}/complete`,
      handler: () => json({ ...session(), status: 'complete' }),
    },
  ]
  return { server, routes }
}

async function bodies(api: ReturnType<typeof mockFetch>, path: string) {
  return Promise.all(api.calls('POST', path).map((request) => request.clone().json()))
}

describe('assignment lesson', { timeout: 20_000 }, () => {
  // Uploads and hand-ins take several round trips; give each step room on a busy machine.
  beforeAll(() => configure({ asyncUtilTimeout: 3000 }))
  afterAll(() => configure({ asyncUtilTimeout: 1000 }))
  beforeEach(() => window.localStorage.clear())

  it('shows the assignment and hands in a first answer with a file', async () => {
    const assignment = buildAssignment({
      due_at: daysFromNow(3.2),
      late_policy: 'penalty',
      late_penalty_percent: 10,
      allowed_file_kinds: ['pdf', 'image'],
      max_files: 2,
    })
    const { api } = setup({ assignment, extra: uploadRoutes().routes })
    const { user } = renderApp(`/learn/${SLUG}/${meta.id}`)

    expect(await screen.findByRole('heading', { level: 2, name: 'Loops worksheet' }, START)).toBeInTheDocument()
    const about = screen.getByText('Due').closest('dl')!
    expect(about).toHaveTextContent('due in 3 days')
    expect(about).toHaveTextContent('100 points')
    expect(about).toHaveTextContent('Accepted after the deadline, with 10% taken off the grade.')
    expect(about).toHaveTextContent('Allowed: PDF or images (up to 2 files).')
    expect(screen.getByText('exercises.', { exact: false })).toBeInTheDocument()
    const status = screen.getByRole('region', { name: 'Your submission' })
    expect(status).toHaveTextContent("You haven't handed anything in yet.")

    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'See the attached PDF.')
    await user.upload(screen.getByLabelText('Attach files'), pdf())
    expect(await screen.findByText('Uploaded')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Hand in' }))

    expect(await screen.findByText('Your work is handed in.')).toBeInTheDocument()
    expect(await bodies(api, '/api/v1/uploads')).toEqual([{ filename: 'answers.pdf', size: 10, kind: 'pdf' }])
    expect(FakeXhr.requests.map((request) => request.headers['Content-Range'])).toEqual(['bytes 0-9/10'])
    expect(await bodies(api, `/api/v1/assignments/${assignment.id}/submission`)).toEqual([
      { text: 'See the attached PDF.', upload_ids: [UPLOAD_ID] },
    ])
    await waitFor(() => expect(within(status).getByText('Handed in')).toBeInTheDocument())
    expect(within(status).getByRole('button', { name: 'Download answers.pdf' })).toBeInTheDocument()
    expect(status).toHaveTextContent('See the attached PDF.')
    expect(screen.getByRole('button', { name: 'Hand in again' })).toBeInTheDocument()
  })

  it('hands in again, keeping the earlier files or replacing them', async () => {
    const assignment = buildAssignment()
    const earlier = buildSubmission({
      assignment_id: assignment.id,
      text: 'First go',
      files: [buildSubmissionFile({ original_name: 'draft.pdf' })],
    })
    const link = `${window.location.href.split('#')[0]}#draft.pdf`
    const download: Route = {
      method: 'GET',
      path: `/api/v1/submission-files/${earlier.files[0]!.id}/download`,
      handler: () => json({ url: link }),
    }
    const { api } = setup({ assignment, submission: earlier, extra: [download, ...uploadRoutes().routes] })
    const { user } = renderApp(`/learn/${SLUG}/${meta.id}`)

    const answer = await screen.findByRole('textbox', { name: 'Your answer' }, START)
    expect(answer).toHaveValue('First go')
    expect(screen.getByRole('radio', { name: 'Keep my 1 file' })).toBeChecked()
    expect(screen.queryByLabelText('Attach files')).not.toBeInTheDocument()
    await user.clear(answer)
    await user.type(answer, 'Second go')
    await user.click(screen.getByRole('button', { name: 'Hand in again' }))

    expect(await screen.findByText('Your submission is updated.')).toBeInTheDocument()
    const path = `/api/v1/assignments/${assignment.id}/submission`
    expect(await bodies(api, path)).toEqual([{ text: 'Second go' }])
    const status = screen.getByRole('region', { name: 'Your submission' })
    await waitFor(() => expect(status).toHaveTextContent('Second go'))
    await user.click(within(status).getByRole('button', { name: 'Download draft.pdf' }))
    await waitFor(() => expect(window.location.hash).toBe('#draft.pdf'))
    window.location.hash = ''

    // Replace: the earlier file goes, the new one is sent.
    await user.click(screen.getByRole('radio', { name: 'Replace them' }))
    expect(screen.getByRole('group', { name: 'The files you handed in' })).toHaveAccessibleDescription(
      /Your earlier files are removed when you hand in/,
    )
    await user.upload(screen.getByLabelText('Attach files'), pdf('final.pdf'))
    await user.click(screen.getByRole('button', { name: 'Hand in again' }))

    await waitFor(async () => expect(await bodies(api, path)).toHaveLength(2))
    expect((await bodies(api, path))[1]).toEqual({ text: 'Second go', upload_ids: [UPLOAD_ID] })
    await waitFor(() => expect(within(status).getByText('3')).toBeInTheDocument())
  })

  it('shows the returned grade with the late penalty, rubric and feedback, and updates it live', async () => {
    const assignment = buildAssignment({
      late_policy: 'penalty',
      late_penalty_percent: 10,
      rubric: [
        { id: 'correct', title: 'Correct answers', points: 80 },
        { id: 'style', title: 'Clear code', points: 20 },
      ],
    })
    const handedIn = buildSubmission({ assignment_id: assignment.id, is_late: true })
    const { state } = setup({ assignment, submission: handedIn })
    renderApp(`/learn/${SLUG}/${meta.id}`)

    const status = await screen.findByRole('region', { name: 'Your submission' }, START)
    expect(within(status).getByText('Handed in')).toBeInTheDocument()
    expect(within(status).getByText('Late')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Grade' })).not.toBeInTheDocument()

    // The tutor returns the work: the notifications socket refreshes the submission.
    state.submission = {
      ...handedIn,
      status: 'returned',
      score: '80.00',
      final_score: '72.00',
      rubric_scores: { correct: '65.00', style: '15.00' },
      feedback: 'Good loops.\nName your variables better.',
      returned_at: new Date().toISOString(),
    }
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1))
    const socket = FakeWebSocket.instances[0]!
    socket.open()
    socket.receive({ type: 'submission', op: 'returned', assignment_id: assignment.id, course_slug: SLUG })

    const grade = await screen.findByRole('region', { name: 'Grade' })
    expect(within(grade).getByRole('heading', { name: 'Grade' })).toBeInTheDocument()
    expect(grade).toHaveTextContent('72 / 100')
    expect(grade).toHaveTextContent('80 / 100 before the late penalty of 10%.')
    const rubric = within(grade).getByRole('table', { name: 'Marks by criterion' })
    expect(within(rubric).getByRole('row', { name: 'Correct answers 65 / 80' })).toBeInTheDocument()
    expect(within(rubric).getByRole('row', { name: 'Clear code 15 / 20' })).toBeInTheDocument()
    expect(grade).toHaveTextContent('Good loops. Name your variables better.')
    expect(within(status).getByText('Returned')).toBeInTheDocument()
    expect(screen.getByText(/Handing in again replaces your returned grade/)).toBeInTheDocument()
  })

  it('closes hand-in after the deadline when late work is refused', async () => {
    const assignment = buildAssignment({ due_at: daysFromNow(-2), late_policy: 'reject' })
    setup({ assignment })
    renderApp(`/learn/${SLUG}/${meta.id}`)

    expect(await screen.findByText('Hand-in is closed', {}, START)).toBeInTheDocument()
    expect(
      screen.getByText("The deadline has passed and this assignment doesn't accept late work."),
    ).toBeInTheDocument()
    expect(screen.getByText('(was due 2 days ago)')).toBeInTheDocument()
    expect(screen.getByText('Not accepted after the deadline.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Hand in/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Your answer' })).not.toBeInTheDocument()
  })

  it('still takes a first, late hand-in when late work is accepted, and says so', async () => {
    const assignment = buildAssignment({ due_at: daysFromNow(-1), late_policy: 'penalty', late_penalty_percent: 20 })
    setup({ assignment })
    renderApp(`/learn/${SLUG}/${meta.id}`)

    expect(
      await screen.findByText(
        'The deadline has passed. Work handed in now is marked late and 20% is taken off the grade.',
        {},
        START,
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Hand in' })).toBeInTheDocument()
  })

  it('shows the server’s field errors beside the answer, and its refusals above the button', async () => {
    const assignment = buildAssignment()
    let reply = apiError(400, 'validation_error', 'Check the highlighted fields.', {
      text: ['Write an answer or attach at least one file.'],
    })
    const { api } = setup({ assignment, submit: () => reply })
    const { user } = renderApp(`/learn/${SLUG}/${meta.id}`)

    // Nothing written: the form stops before asking the server.
    await user.click(await screen.findByRole('button', { name: 'Hand in' }, START))
    const answer = screen.getByRole('textbox', { name: 'Your answer' })
    expect(answer).toHaveAccessibleDescription(/Write an answer or attach at least one file\./)
    expect(answer).toHaveFocus()
    const path = `/api/v1/assignments/${assignment.id}/submission`
    expect(api.calls('POST', path)).toHaveLength(0)

    await user.type(answer, '   .')
    await user.click(screen.getByRole('button', { name: 'Hand in' }))
    await waitFor(() => expect(answer).toHaveAttribute('aria-invalid', 'true'))
    expect(answer).toHaveAccessibleDescription(/Write an answer or attach at least one file\./)
    expect(screen.getByRole('alert')).toHaveTextContent('Check the highlighted fields.')

    reply = apiError(409, 'past_due', 'The deadline has passed and this assignment does not take late work.')
    await user.click(screen.getByRole('button', { name: 'Hand in' }))
    expect(
      await screen.findByText("The deadline has passed, so this work can't be handed in or changed any more."),
    ).toBeInTheDocument()
    expect(answer).not.toHaveAttribute('aria-invalid')
  })

  it('explains a file the server refuses and lets the student remove it', async () => {
    const assignment = buildAssignment({ allowed_file_kinds: ['pdf'] })
    setup({
      assignment,
      extra: [
        {
          method: 'POST',
          path: '/api/v1/uploads',
          handler: () => apiError(413, 'file_too_large', '“thesis.pdf” is 3 GB; the limit is 2 GB.'),
        },
      ],
    })
    FakeXhr.install(() => ({ status: 500 }))
    const { user } = renderApp(`/learn/${SLUG}/${meta.id}`)

    await user.upload(
      await screen.findByLabelText('Attach files', {}, START),
      pdf('thesis.pdf'),
    )
    const files = screen.getByRole('list', { name: 'Files to hand in' })
    expect(await within(files).findByRole('alert')).toHaveTextContent(
      '“thesis.pdf” is larger than the server accepts.',
    )
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'Answer')
    await user.click(screen.getByRole('button', { name: 'Hand in' }))
    expect(await screen.findByText("Some files didn't upload. Try them again or remove them, then hand in.")).toBeInTheDocument()

    await user.click(within(files).getByRole('button', { name: 'Remove: thesis.pdf' }))
    expect(screen.queryByRole('list', { name: 'Files to hand in' })).not.toBeInTheDocument()
  })

  it('stops an upload and continues it on "Try again"', async () => {
    const assignment = buildAssignment()
    const uploads = uploadRoutes()
    const { api } = setup({ assignment, extra: uploads.routes })
    const { user } = renderApp(`/learn/${SLUG}/${meta.id}`)

    uploads.server.hold = true
    await user.upload(await screen.findByLabelText('Attach files', {}, START), pdf())
    expect(await screen.findByRole('progressbar', { name: 'Uploading answers.pdf' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Stop upload: answers.pdf' }))
    expect(await screen.findByText('Upload stopped.')).toBeInTheDocument()

    uploads.server.hold = false
    await user.click(screen.getByRole('button', { name: 'Try again: answers.pdf' }))
    expect(await screen.findByText('Uploaded')).toBeInTheDocument()
    // The same upload continued: the server was asked where it was, not sent a new one.
    expect(api.calls('POST', '/api/v1/uploads')).toHaveLength(1)
    expect(api.calls('GET', `/api/v1/uploads/${UPLOAD_ID}`)).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Hand in' }))
    expect(await screen.findByText('Your work is handed in.')).toBeInTheDocument()
    expect(await bodies(api, `/api/v1/assignments/${assignment.id}/submission`)).toEqual([
      { text: '', upload_ids: [UPLOAD_ID] },
    ])
  })

  it('speaks Urdu, right to left', async () => {
    const assignment = buildAssignment({ due_at: daysFromNow(-2), late_policy: 'reject' })
    setup({ assignment, submission: buildSubmission({ assignment_id: assignment.id }), language: 'ur' })
    renderApp(`/learn/${SLUG}/${meta.id}`)

    expect(await screen.findByRole('region', { name: 'آپ کا جمع کرایا گیا کام' }, START)).toBeInTheDocument()
    expect(screen.getByText('جمع کرانے کا وقت ختم')).toBeInTheDocument()
    expect(document.documentElement).toHaveAttribute('dir', 'rtl')
  })

  it('says when the assignment is not open yet', async () => {
    setup({ assignment: null })
    renderApp(`/learn/${SLUG}/${meta.id}`)

    expect(await screen.findByText("This assignment isn't open yet", {}, START)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Hand in' })).not.toBeInTheDocument()
  })
})
