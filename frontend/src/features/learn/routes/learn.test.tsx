import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { Lesson, Note } from '@/api/types'
import { buildCourseDetail, buildLesson, buildSection, buildSession, buildSyllabusLesson } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { renderApp } from '@/testing/render-app'
import { signedIn } from '@/testing/routes'

const SLUG = 'python-from-zero'
const first = buildSyllabusLesson({ title: 'Variables', kind: 'video' })
const second = buildSyllabusLesson({ title: 'Reading', kind: 'article' })
const locked = buildSyllabusLesson({ title: 'Secrets', kind: 'video', is_locked: true })

function setup({ lessons, notes = [] }: { lessons: Lesson[]; notes?: Note[] }) {
  const course = buildCourseDetail({
    slug: SLUG,
    title: 'Python from zero',
    sections: [buildSection({ title: 'Basics', lessons: [first, second, locked] })],
    viewer: { is_enrolled: true, progress_percent: 10 },
  })
  const routes: Route[] = [
    ...signedIn(buildSession()),
    { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course) },
    ...lessons.map(
      (lesson): Route => ({ method: 'GET', path: `/api/v1/lessons/${lesson.id}`, handler: () => json(lesson) }),
    ),
    {
      method: 'GET',
      path: `/api/v1/lessons/${locked.id}`,
      handler: () => apiError(403, 'not_enrolled', 'Enrol in this course to open this lesson.'),
    },
    { method: 'GET', path: /^\/api\/v1\/lessons\/[^/]+\/notes$/, handler: () => json(notes) },
    {
      method: 'POST',
      path: /^\/api\/v1\/lessons\/[^/]+\/progress$/,
      handler: async (request) => {
        const body = (await request.json()) as { position_seconds?: number; completed?: boolean }
        return json({ position_seconds: body.position_seconds ?? 0, completed: body.completed ?? false, course_progress_percent: body.completed ? 40 : 10 })
      },
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/lessons\/[^/]+\/notes$/,
      handler: async (request) => {
        const body = (await request.json()) as { body: string; timestamp_seconds: number | null }
        return json({ id: 'n2', lesson_id: first.id, created_at: '', updated_at: '', ...body }, 201)
      },
    },
  ]
  return mockFetch(routes)
}

async function progressBodies(api: ReturnType<typeof mockFetch>, lessonId: string) {
  return Promise.all(api.calls('POST', `/api/v1/lessons/${lessonId}/progress`).map((request) => request.clone().json()))
}

function videoOf(name: string): HTMLVideoElement {
  const video = screen.getByLabelText(`Video: ${name}`)
  if (!(video instanceof HTMLVideoElement)) throw new Error('not a video')
  Object.defineProperty(video, 'duration', { configurable: true, value: 600 })
  return video
}

function playTo(video: HTMLVideoElement, seconds: number) {
  video.currentTime = seconds
  fireEvent.timeUpdate(video)
}

describe('lesson player', () => {
  it('resumes the video where the student stopped and reports progress', async () => {
    const lesson = buildLesson({ id: first.id, title: 'Variables', progress: { position_seconds: 120, completed: false }, next_lesson_id: second.id })
    const api = setup({ lessons: [lesson, buildLesson({ id: second.id, title: 'Reading', kind: 'article', video_url: null })] })
    const { user } = renderApp(`/learn/${SLUG}/${first.id}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Variables' })).toBeInTheDocument()
    const video = videoOf('Variables')
    fireEvent.loadedMetadata(video)
    expect(video.currentTime).toBe(120)

    fireEvent.play(video)
    playTo(video, 125)
    expect(await progressBodies(api, first.id)).toEqual([])
    playTo(video, 131)
    await waitFor(async () => expect(await progressBodies(api, first.id)).toEqual([{ position_seconds: 131 }]))

    video.currentTime = 150
    fireEvent.pause(video)
    await waitFor(async () => expect(await progressBodies(api, first.id)).toHaveLength(2))
    expect((await progressBodies(api, first.id))[1]).toEqual({ position_seconds: 150 })

    // 90 % of 600 s completes the lesson: a tick in the syllabus and the course percentage move.
    playTo(video, 541)
    expect(await screen.findByText('Lesson complete. Well done!')).toBeInTheDocument()
    expect((await progressBodies(api, first.id))[2]).toEqual({ position_seconds: 541, completed: true })
    const nav = screen.getByRole('navigation', { name: 'Course content' })
    expect(within(nav).getByRole('link', { name: /Variables.*Completed/ })).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('progressbar', { name: 'Course progress' })).toHaveAttribute('aria-valuenow', '40')
    expect(screen.getByRole('button', { name: 'Mark as not complete' })).toBeInTheDocument()

    // Leaving the lesson saves the last position on the way out.
    playTo(video, 548)
    await user.click(screen.getByRole('link', { name: /Next lesson/ }))
    await screen.findByRole('heading', { level: 1, name: 'Reading' })
    await waitFor(async () => expect((await progressBodies(api, first.id)).at(-1)).toEqual({ position_seconds: 548 }))
    expect(api.calls('POST', `/api/v1/lessons/${first.id}/progress`).at(-1)!.keepalive).toBe(true)
  })

  it('does not reset the position when a lesson is opened and left without playing', async () => {
    const lesson = buildLesson({ id: first.id, progress: { position_seconds: 300, completed: false } })
    const api = setup({ lessons: [lesson, buildLesson({ id: second.id, title: 'Reading', kind: 'article', video_url: null })] })
    const { user } = renderApp(`/learn/${SLUG}/${first.id}`)

    await screen.findByRole('heading', { level: 1, name: 'Variables' })
    await user.click(screen.getByRole('link', { name: /Reading/ }))
    await screen.findByRole('heading', { level: 1, name: 'Reading' })
    expect(api.calls('POST', `/api/v1/lessons/${first.id}/progress`)).toHaveLength(0)
  })

  it('marks an article complete by hand', async () => {
    const article = buildLesson({ id: second.id, title: 'Reading', kind: 'article', video_url: null, body_html: '<h2>Strings</h2>' })
    const api = setup({ lessons: [article] })
    const { user } = renderApp(`/learn/${SLUG}/${second.id}`)

    expect(await screen.findByRole('heading', { level: 2, name: 'Strings' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Mark as complete' }))

    expect(await screen.findByRole('button', { name: 'Mark as not complete' })).toBeInTheDocument()
    expect(await progressBodies(api, second.id)).toEqual([{ completed: true }])
  })

  it('notes: jump to a note, and add one at the current video time', async () => {
    const lesson = buildLesson({ id: first.id, title: 'Variables' })
    const notes: Note[] = [
      { id: 'n1', lesson_id: first.id, body: 'Remember the colon', timestamp_seconds: 30, created_at: '', updated_at: '' },
    ]
    const api = setup({ lessons: [lesson], notes })
    const { user } = renderApp(`/learn/${SLUG}/${first.id}`)

    await user.click(await screen.findByRole('button', { name: 'Jump to 0:30' }))
    const video = videoOf('Variables')
    expect(video.currentTime).toBe(30)

    video.currentTime = 61.4
    await user.type(screen.getByRole('textbox', { name: 'Add a note' }), 'Lists start at zero')
    expect(screen.getByRole('textbox', { name: 'Add a note' })).toHaveAccessibleDescription('At 1:01 in the video')
    await user.click(screen.getByRole('button', { name: 'Save note' }))

    await waitFor(() => expect(api.calls('POST', `/api/v1/lessons/${first.id}/notes`)).toHaveLength(1))
    expect(await api.calls('POST', `/api/v1/lessons/${first.id}/notes`)[0]!.json()).toEqual({
      body: 'Lists start at zero',
      timestamp_seconds: 61,
    })
  })

  it('opens the first lesson not yet done, and explains a locked one', async () => {
    setup({ lessons: [buildLesson({ id: first.id, title: 'Variables' })] })
    const { router } = renderApp(`/learn/${SLUG}`)

    await waitFor(() => expect(router.state.location.pathname).toBe(`/learn/${SLUG}/${first.id}`))
    await act(() => router.navigate(`/learn/${SLUG}/${locked.id}`))
    expect(await screen.findByText('This lesson is for enrolled students')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'See the course' })).toHaveAttribute('href', `/courses/${SLUG}`)
  })
})
