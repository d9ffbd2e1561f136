import type { Attempt, AttemptSummary, Question, QuizDetail, QuizViewer } from '@/api/types'

import { buildCourseDetail, buildLesson, buildSection, buildSession, buildSyllabusLesson, buildUser } from './factories'
import { json, mockFetch, type Route } from './fetch-mock'
import { signedIn } from './routes'

let seq = 0
const uuid = (prefix: string) => {
  seq += 1
  return `${prefix}-0000-4000-8000-${String(seq).padStart(12, '0')}`
}

export const QUIZ_STUDENT = { id: '5b0a7c1e-3a4e-4b0a-9a53-0c2f6f1b9a11', full_name: 'Ayesha Khan', avatar_url: null }

/** A question as a student sees it before submitting: no correct answers. */
export function buildQuestion(overrides: Partial<Question> = {}): Question {
  return {
    id: uuid('60000000'),
    kind: 'single',
    prompt: 'What is 2 + 2?',
    position: 0,
    points: 1,
    choices: [
      { id: 'a', text: '3' },
      { id: 'b', text: '4' },
    ],
    ...overrides,
  }
}

export function buildQuizViewer(overrides: Partial<QuizViewer> = {}): QuizViewer {
  return {
    attempts_used: 0,
    attempts_left: 2,
    best_score_percent: null,
    passed: false,
    open_attempt_id: null,
    ...overrides,
  }
}

export function buildQuizDetail(
  overrides: Partial<Omit<QuizDetail, 'viewer'>> & { viewer?: QuizViewer | null } = {},
): QuizDetail {
  const questions = overrides.questions ?? [buildQuestion()]
  return {
    id: uuid('70000000'),
    course_slug: 'python-from-zero',
    lesson_id: null,
    title: 'Week 1 check',
    instructions: 'Answer every question.',
    time_limit_seconds: 600,
    attempts_allowed: 2,
    passing_score_percent: 60,
    required_for_certificate: true,
    is_published: true,
    question_count: questions.length,
    total_points: questions.reduce((sum, question) => sum + question.points, 0),
    created_at: '2026-01-05T10:00:00Z',
    updated_at: '2026-01-05T10:00:00Z',
    ...overrides,
    questions,
    viewer: overrides.viewer === undefined ? buildQuizViewer() : overrides.viewer,
  }
}

export function buildAttempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: uuid('80000000'),
    quiz_id: '70000000-0000-4000-8000-000000000001',
    student: QUIZ_STUDENT,
    number: 1,
    status: 'open',
    started_at: '2026-01-06T09:00:00Z',
    deadline_at: '2026-01-06T09:10:00Z',
    seconds_left: 600,
    submitted_at: null,
    score_points: null,
    max_points: null,
    score_percent: null,
    passed: null,
    answers: [],
    questions: [buildQuestion()],
    results: null,
    ...overrides,
  }
}

/** The list form of an attempt (`GET /quizzes/{id}/attempts`). */
export function summaryOf(attempt: Attempt): AttemptSummary {
  const { answers: _answers, questions: _questions, results: _results, ...summary } = attempt
  return summary
}

/** A small quiz with one question of each kind (10 points), as the lesson player tests use it. */
export function buildFourKindQuiz(overrides: Partial<Omit<QuizDetail, 'viewer'>> & { viewer?: QuizViewer | null } = {}) {
  const single = buildQuestion({ prompt: 'What is 2 + 2?', points: 2, choices: [{ id: 'a', text: '3' }, { id: 'b', text: '4' }] })
  const multiple = buildQuestion({
    kind: 'multiple',
    prompt: 'Which of these are Python keywords?',
    points: 3,
    position: 1,
    choices: [
      { id: 'a', text: 'if' },
      { id: 'b', text: 'for' },
      { id: 'c', text: 'print' },
    ],
  })
  const trueFalse = buildQuestion({
    kind: 'true_false',
    prompt: 'Python runs code line by line.',
    points: 1,
    position: 2,
    choices: [
      { id: 'true', text: 'true' },
      { id: 'false', text: 'false' },
    ],
  })
  const short = buildQuestion({ kind: 'short', prompt: 'What is the capital of Pakistan?', points: 4, position: 3, choices: [] })
  const quiz = buildQuizDetail({ questions: [single, multiple, trueFalse, short], ...overrides })
  return { quiz, single, multiple, trueFalse, short }
}

/** The same questions as a submitted attempt reveals them: with their correct answers. */
export function withAnswersRevealed(questions: Question[], correct: Record<string, string[]>, accepted: Record<string, string[]> = {}) {
  return questions.map((question) => ({
    ...question,
    correct_choice_ids: correct[question.id] ?? [],
    accepted_answers: accepted[question.id] ?? [],
  }))
}

export const QUIZ_COURSE_SLUG = 'python-from-zero'
const quizSyllabusLesson = buildSyllabusLesson({ title: 'Week 1 check', kind: 'quiz' })
/** The lesson player's address for the quiz lesson that `mockQuizLesson` serves. */
export const QUIZ_LESSON_PATH = `/learn/${QUIZ_COURSE_SLUG}/${quizSyllabusLesson.id}`

/**
 * A signed-in, enrolled student and a course whose one lesson opens `quiz` (none when null).
 * `quiz` may be a function to change the standing between requests; `routes` come first, so
 * they can override the defaults.
 */
export function mockQuizLesson({
  quiz,
  attempts = [],
  routes = [],
  language = 'en',
}: {
  quiz: QuizDetail | (() => QuizDetail) | null
  attempts?: AttemptSummary[]
  routes?: Route[]
  language?: 'en' | 'ur'
}) {
  const current = () => (typeof quiz === 'function' ? quiz() : quiz)
  const quizId = current()?.id ?? null
  const course = buildCourseDetail({
    slug: QUIZ_COURSE_SLUG,
    title: 'Python from zero',
    sections: [buildSection({ title: 'Basics', lessons: [quizSyllabusLesson] })],
    viewer: { is_enrolled: true, progress_percent: 10 },
  })
  const lesson = buildLesson({
    id: quizSyllabusLesson.id,
    title: 'Week 1 check',
    kind: 'quiz',
    video_url: null,
    quiz_id: quizId,
  })
  return mockFetch([
    ...routes,
    ...signedIn(buildSession({ user: buildUser({ language }) })),
    { method: 'GET', path: `/api/v1/courses/${QUIZ_COURSE_SLUG}`, handler: () => json(course) },
    { method: 'GET', path: `/api/v1/lessons/${lesson.id}`, handler: () => json(lesson) },
    { method: 'GET', path: `/api/v1/lessons/${lesson.id}/notes`, handler: () => json([]) },
    { method: 'GET', path: `/api/v1/quizzes/${quizId}`, handler: () => json(current()) },
    {
      method: 'GET',
      path: `/api/v1/quizzes/${quizId}/attempts`,
      handler: () => json({ count: attempts.length, next: null, previous: null, results: attempts }),
    },
  ])
}

/** A response that never comes: the request stays in flight. */
export const neverAnswer = () => new Promise<Response>(() => {})

/** The JSON bodies sent to one path, in order. */
export function requestBodies(api: ReturnType<typeof mockFetch>, method: string, path: string) {
  return Promise.all(api.calls(method, path).map((request) => request.clone().json() as Promise<unknown>))
}
