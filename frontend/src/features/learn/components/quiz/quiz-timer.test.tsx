import { act, configure, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import type { Attempt } from '@/api/types'
import { apiError, json } from '@/testing/fetch-mock'
import { buildAttempt, buildFourKindQuiz, mockQuizLesson, QUIZ_LESSON_PATH } from '@/testing/quizzes-factories'
import { renderApp } from '@/testing/render-app'

const open = () => renderApp(QUIZ_LESSON_PATH)

/** The player's route loads lazily: the first screen may take a while on a busy machine. */
const FIRST_PAINT = { timeout: 10_000 }
configure({ asyncUtilTimeout: 4000 })

/** The countdown runs from the server's `seconds_left`; these tests move the clock with fake timers. */
describe('quiz timer', { timeout: 30_000 }, () => {
  it('announces the last minute and submits by itself when the time runs out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { quiz, single } = buildFourKindQuiz({ time_limit_seconds: 120 })
    const attempt = buildAttempt({ quiz_id: quiz.id, questions: quiz.questions, seconds_left: 62 })
    const graded: Attempt = {
      ...attempt,
      status: 'submitted',
      submitted_at: attempt.deadline_at,
      seconds_left: 0,
      score_points: 2,
      max_points: 10,
      score_percent: '20.00',
      passed: false,
      answers: [{ question_id: single.id, choice_ids: ['b'], text: '' }],
      results: quiz.questions.map((question) => ({
        question_id: question.id,
        correct: question.id === single.id,
        points_awarded: question.id === single.id ? 2 : 0,
        points: question.points,
      })),
    }
    const api = mockQuizLesson({
      quiz,
      routes: [
        { method: 'POST', path: `/api/v1/quizzes/${quiz.id}/attempts`, handler: () => json(attempt, 201) },
        { method: 'PATCH', path: `/api/v1/attempts/${attempt.id}`, handler: () => json(attempt) },
        { method: 'POST', path: `/api/v1/attempts/${attempt.id}/submit`, handler: () => json(graded) },
      ],
    })
    const { user } = open()

    await user.click(await screen.findByRole('button', { name: 'Start quiz' }, FIRST_PAINT))
    const timer = await screen.findByRole('timer', { name: 'Time left' })
    expect(timer).toHaveTextContent(/^1:0[0-2]$/)
    await user.click(within(screen.getByRole('group', { name: 'What is 2 + 2?' })).getByRole('radio', { name: '4' }))

    await act(() => vi.advanceTimersByTimeAsync(3_000))
    expect(timer).toHaveTextContent(/^0:5\d$/)
    expect(screen.getByText('1 minute left.')).toBeInTheDocument()

    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(await screen.findByRole('heading', { name: 'Your result' })).toBeInTheDocument()
    expect(api.calls('POST', `/api/v1/attempts/${attempt.id}/submit`)).toHaveLength(1)
    expect(screen.getByText('Time ran out, so your answers were submitted automatically.')).toBeInTheDocument()
    expect(screen.getByText('2 / 10')).toBeInTheDocument()
    expect(screen.getByText('Not passed')).toBeInTheDocument()
  })


  it('shows the result graded from saved answers when the submission comes too late', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { quiz } = buildFourKindQuiz()
    const attempt = buildAttempt({ quiz_id: quiz.id, questions: quiz.questions, seconds_left: 1 })
    const graded: Attempt = {
      ...attempt,
      status: 'submitted',
      submitted_at: attempt.deadline_at,
      seconds_left: 0,
      score_points: 0,
      max_points: 10,
      score_percent: '0.00',
      passed: false,
      results: [],
    }
    const api = mockQuizLesson({
      quiz,
      routes: [
        { method: 'POST', path: `/api/v1/quizzes/${quiz.id}/attempts`, handler: () => json(attempt, 201) },
        { method: 'PATCH', path: `/api/v1/attempts/${attempt.id}`, handler: () => apiError(409, 'time_up', 'Time is up.') },
        {
          method: 'POST',
          path: `/api/v1/attempts/${attempt.id}/submit`,
          handler: () => apiError(409, 'time_up', 'Time is up: these answers came too late.'),
        },
        { method: 'GET', path: `/api/v1/attempts/${attempt.id}`, handler: () => json(graded) },
      ],
    })
    const { user } = open()

    await user.click(await screen.findByRole('button', { name: 'Start quiz' }, FIRST_PAINT))
    await user.click(within(await screen.findByRole('group', { name: 'What is 2 + 2?' })).getByRole('radio', { name: '4' }))
    await act(() => vi.advanceTimersByTimeAsync(2_000))

    expect(await screen.findByRole('heading', { name: 'Your result' })).toBeInTheDocument()
    expect(
      screen.getByText('Time ran out before your last answers reached us. The answers saved in time were graded.'),
    ).toBeInTheDocument()
    expect(screen.getByText('0 / 10')).toBeInTheDocument()
    expect(api.calls('POST', `/api/v1/attempts/${attempt.id}/submit`)).toHaveLength(1)
  })

})
