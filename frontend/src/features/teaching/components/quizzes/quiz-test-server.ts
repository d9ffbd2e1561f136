import type { CourseDetail, Question, QuestionBody, QuizCreateBody, QuizDetail, QuizUpdateBody } from '@/api/types'
import { buildCourseDetail, buildSection, buildSession, buildSyllabusLesson, buildTutorUser } from '@/testing/factories'
import { apiError, json, mockFetch, type Route } from '@/testing/fetch-mock'
import { buildQuizDetail, page } from '@/testing/quiz-builder-factories'
import { signedIn } from '@/testing/routes'

export const SLUG = 'python-from-zero'

export const quizLesson = buildSyllabusLesson({ id: 'l-quiz', title: 'Week 1 quiz', kind: 'quiz' })
export const videoLesson = buildSyllabusLesson({ id: 'l-video', title: 'Variables', kind: 'video' })

export const course: CourseDetail = buildCourseDetail({
  slug: SLUG,
  title: 'Python from zero',
  status: 'draft',
  viewer: { can_edit: true },
  sections: [buildSection({ id: 's-1', title: 'Basics', lessons: [videoLesson, quizLesson] })],
})

function withTotals(quiz: QuizDetail): QuizDetail {
  const questions = quiz.questions.map((question, position) => ({ ...question, position }))
  return {
    ...quiz,
    questions,
    question_count: questions.length,
    total_points: questions.reduce((sum, question) => sum + question.points, 0),
  }
}

let questionSeq = 0

/**
 * A small in-memory quizzes API for the builder's tests: it keeps what the page saves, so each
 * step sees the last one's result. `override` answers a request instead (an error, say).
 */
export function quizServer(initial: QuizDetail[] = [], override: Route[] = []) {
  const quizzes = new Map(initial.map((quiz) => [quiz.id, withTotals(quiz)]))
  const quizOf = (questionId: string) =>
    [...quizzes.values()].find((quiz) => quiz.questions.some((question) => question.id === questionId))
  const save = (quiz: QuizDetail) => {
    const next = withTotals(quiz)
    quizzes.set(next.id, next)
    return next
  }
  const idFrom = (request: Request, at: number) => new URL(request.url).pathname.split('/')[at] ?? ''

  const routes: Route[] = [
    ...override,
    ...signedIn(buildSession({ user: buildTutorUser() })),
    { method: 'GET', path: '/api/v1/categories', handler: () => json([]) },
    { method: 'GET', path: `/api/v1/courses/${SLUG}`, handler: () => json(course) },
    {
      method: 'GET',
      path: `/api/v1/courses/${SLUG}/quizzes`,
      handler: () => json([...quizzes.values()].map(({ questions: _questions, ...quiz }) => quiz)),
    },
    {
      method: 'POST',
      path: `/api/v1/courses/${SLUG}/quizzes`,
      handler: async (request) => {
        const body = (await request.json()) as QuizCreateBody
        const { lesson_id, ...rest } = body
        return json(save(buildQuizDetail({ ...rest, lesson_id: lesson_id ?? null, course_slug: SLUG })), 201)
      },
    },
    {
      method: 'GET',
      path: /^\/api\/v1\/quizzes\/[^/]+$/,
      handler: (request) => {
        const quiz = quizzes.get(idFrom(request, 4))
        return quiz ? json(quiz) : apiError(404, 'not_found', 'No quiz here.')
      },
    },
    {
      method: 'PATCH',
      path: /^\/api\/v1\/quizzes\/[^/]+$/,
      handler: async (request) => {
        const quiz = quizzes.get(idFrom(request, 4))
        if (!quiz) return apiError(404, 'not_found', 'No quiz here.')
        const { question_ids, ...body } = (await request.json()) as QuizUpdateBody
        if (body.is_published && quiz.questions.length === 0) {
          return apiError(400, 'validation_error', 'Check the highlighted fields.', {
            is_published: ['Add at least one question before publishing the quiz.'],
          })
        }
        const questions = question_ids
          ? question_ids.flatMap((id) => quiz.questions.filter((question) => question.id === id))
          : quiz.questions
        return json(save({ ...quiz, ...body, questions }))
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/v1\/quizzes\/[^/]+$/,
      handler: (request) => {
        quizzes.delete(idFrom(request, 4))
        return new Response(null, { status: 204 })
      },
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/quizzes\/[^/]+\/questions$/,
      handler: async (request) => {
        const quiz = quizzes.get(idFrom(request, 4))
        if (!quiz) return apiError(404, 'not_found', 'No quiz here.')
        const body = (await request.json()) as QuestionBody
        questionSeq += 1
        const question: Question = {
          id: `q-new-${questionSeq}`,
          kind: body.kind,
          prompt: body.prompt,
          position: quiz.questions.length,
          points: body.points ?? 1,
          choices: (body.choices ?? []).map((choice) => ({ id: choice.id ?? '', text: choice.text })),
          correct_choice_ids: body.correct_choice_ids ?? [],
          accepted_answers: body.accepted_answers ?? [],
        }
        save({ ...quiz, questions: [...quiz.questions, question] })
        return json(question, 201)
      },
    },
    {
      method: 'PATCH',
      path: /^\/api\/v1\/questions\/[^/]+$/,
      handler: async (request) => {
        const id = idFrom(request, 4)
        const quiz = quizOf(id)
        const current = quiz?.questions.find((question) => question.id === id)
        if (!quiz || !current) return apiError(404, 'not_found', 'No question here.')
        const body = (await request.json()) as QuestionBody
        const question: Question = {
          ...current,
          ...body,
          choices: (body.choices ?? []).map((choice) => ({ id: choice.id ?? '', text: choice.text })),
        }
        save({ ...quiz, questions: quiz.questions.map((item) => (item.id === id ? question : item)) })
        return json(question)
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/v1\/questions\/[^/]+$/,
      handler: (request) => {
        const id = idFrom(request, 4)
        const quiz = quizOf(id)
        if (!quiz) return apiError(404, 'not_found', 'No question here.')
        if (quiz.is_published && quiz.questions.length === 1) {
          return apiError(409, 'quiz_incomplete', 'A published quiz needs a question; unpublish it first.')
        }
        save({ ...quiz, questions: quiz.questions.filter((question) => question.id !== id) })
        return new Response(null, { status: 204 })
      },
    },
    {
      method: 'GET',
      path: /^\/api\/v1\/quizzes\/[^/]+\/attempts$/,
      handler: () => json(page([])),
    },
  ]
  const api = mockFetch(routes)
  return {
    ...api,
    quizzes,
    /** The JSON bodies sent with `method` to `path`, in order. */
    bodies: (method: string, path: string) =>
      Promise.all(api.calls(method, path).map((request) => request.clone().json() as Promise<unknown>)),
  }
}
