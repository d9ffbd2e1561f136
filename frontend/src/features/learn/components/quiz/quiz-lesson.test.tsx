import { configure, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { Attempt } from '@/api/types'
import { apiError, json } from '@/testing/fetch-mock'
import {
  buildAttempt,
  buildFourKindQuiz,
  buildQuizViewer,
  mockQuizLesson,
  neverAnswer,
  QUIZ_COURSE_SLUG,
  QUIZ_LESSON_PATH,
  requestBodies,
  summaryOf,
  withAnswersRevealed,
} from '@/testing/quizzes-factories'
import { renderApp } from '@/testing/render-app'

const open = () => renderApp(QUIZ_LESSON_PATH)

/** The player's route loads lazily: the first screen may take a while on a busy machine. */
const FIRST_PAINT = { timeout: 10_000 }
configure({ asyncUtilTimeout: 4000 })

describe('quiz lesson', { timeout: 30_000 }, () => {
  it('starts a quiz, saves each kind of answer, submits and shows the graded result', async () => {
    const { quiz, single, multiple, trueFalse, short } = buildFourKindQuiz()
    const attempt = buildAttempt({ quiz_id: quiz.id, questions: quiz.questions, seconds_left: 600 })
    let standing = buildQuizViewer({ attempts_used: 0, attempts_left: 2 })
    const submitted: Attempt = {
      ...attempt,
      status: 'submitted',
      submitted_at: '2026-01-06T09:05:00Z',
      seconds_left: 0,
      score_points: 7,
      max_points: 10,
      score_percent: '70.00',
      passed: true,
      answers: [
        { question_id: single.id, choice_ids: ['b'], text: '' },
        { question_id: multiple.id, choice_ids: ['a', 'c'], text: '' },
        { question_id: trueFalse.id, choice_ids: ['true'], text: '' },
        { question_id: short.id, choice_ids: [], text: 'Islamabad' },
      ],
      questions: withAnswersRevealed(
        quiz.questions,
        { [single.id]: ['b'], [multiple.id]: ['a', 'b'], [trueFalse.id]: ['true'] },
        { [short.id]: ['Islamabad', 'اسلام آباد'] },
      ),
      results: [
        { question_id: single.id, correct: true, points_awarded: 2, points: 2 },
        { question_id: multiple.id, correct: false, points_awarded: 0, points: 3 },
        { question_id: trueFalse.id, correct: true, points_awarded: 1, points: 1 },
        { question_id: short.id, correct: true, points_awarded: 4, points: 4 },
      ],
    }
    const api = mockQuizLesson({
      quiz: () => ({ ...quiz, viewer: standing }),
      routes: [
        {
          method: 'POST',
          path: `/api/v1/quizzes/${quiz.id}/attempts`,
          handler: () => {
            standing = { ...standing, attempts_used: 1, attempts_left: 1, open_attempt_id: attempt.id }
            return json(attempt, 201)
          },
        },
        {
          method: 'PATCH',
          path: `/api/v1/attempts/${attempt.id}`,
          // The written answer never finishes saving, so the submission has to carry it.
          handler: async (request) => {
            const body = (await request.json()) as { answers: Array<{ question_id: string }> }
            return body.answers.some((answer) => answer.question_id === short.id) ? neverAnswer() : json(attempt)
          },
        },
        {
          method: 'POST',
          path: `/api/v1/attempts/${attempt.id}/submit`,
          handler: () => {
            standing = { ...standing, open_attempt_id: null, best_score_percent: '70.00', passed: true }
            return json(submitted)
          },
        },
      ],
    })
    const { user } = open()

    // The overview: the rules and the student's standing.
    expect(await screen.findByRole('heading', { level: 2, name: 'Week 1 check' }, FIRST_PAINT)).toBeInTheDocument()
    const facts = screen.getByText('Questions').closest('dl')!
    expect(facts).toHaveTextContent('Questions4')
    expect(facts).toHaveTextContent('Total points10')
    expect(facts).toHaveTextContent('Time limit10 min')
    expect(facts).toHaveTextContent('Attempts0 of 2 used')
    expect(facts).toHaveTextContent('Passing score60%')
    expect(facts).toHaveTextContent('Counts towards your certificate')
    expect(screen.getByText("You haven't taken this quiz yet.")).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Start quiz' }))
    // Counting down from the server's 600 s (a second may already have gone by).
    expect(await screen.findByRole('timer', { name: 'Time left' })).toHaveTextContent(/^(10:00|9:5\d)$/)

    // One input per kind; true / false are labelled in the UI language, not with the stored text.
    await user.click(within(screen.getByRole('group', { name: 'What is 2 + 2?' })).getByRole('radio', { name: '4' }))
    const keywords = screen.getByRole('group', { name: 'Which of these are Python keywords?' })
    expect(keywords).toHaveAccessibleDescription(/Choose every answer that applies/)
    await user.click(within(keywords).getByRole('checkbox', { name: 'if' }))
    await user.click(within(keywords).getByRole('checkbox', { name: 'print' }))
    await user.click(within(screen.getByRole('group', { name: 'Python runs code line by line.' })).getByRole('radio', { name: 'True' }))
    expect(screen.getByText('Saving…')).toBeInTheDocument()
    expect(await screen.findByText('Saved')).toBeInTheDocument()

    // Autosave sends only what changed, each kind in its own shape.
    const saved = (await requestBodies(api, 'PATCH', `/api/v1/attempts/${attempt.id}`)) as Array<{ answers: unknown[] }>
    expect(saved.flatMap((body) => body.answers)).toEqual([
      { question_id: single.id, choice_ids: ['b'] },
      { question_id: multiple.id, choice_ids: ['a', 'c'] },
      { question_id: trueFalse.id, choice_ids: ['true'] },
    ])

    // The last answer is not saved yet when the student submits: the submission carries it.
    const capital = screen.getByRole('group', { name: 'What is the capital of Pakistan?' })
    const textbox = within(capital).getByRole('textbox', { name: 'Your answer' })
    expect(textbox).toHaveAttribute('dir', 'auto')
    await user.type(textbox, 'Islamabad')
    await user.click(screen.getByRole('button', { name: 'Submit answers' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Submit your answers?' })
    expect(dialog).toHaveTextContent("You've answered every question.")
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }))

    expect(await screen.findByRole('heading', { name: 'Your result' })).toHaveFocus()
    expect(await requestBodies(api, 'POST', `/api/v1/attempts/${attempt.id}/submit`)).toEqual([
      { answers: [{ question_id: short.id, text: 'Islamabad' }] },
    ])
    expect(screen.getByText('7 / 10')).toBeInTheDocument()
    expect(screen.getByText('70%')).toBeInTheDocument()
    expect(screen.getByText('Passed')).toBeInTheDocument()
    expect(screen.getByText('Passing score: 60%')).toBeInTheDocument()

    const wrong = screen.getByRole('article', { name: 'Which of these are Python keywords?' })
    expect(wrong).toHaveTextContent('Incorrect')
    expect(wrong).toHaveTextContent('0 / 3 points')
    expect(within(wrong).getByText('for').closest('li')).toHaveTextContent('Correct answer')
    expect(within(wrong).getByText('print').closest('li')).toHaveTextContent('Your answer')
    expect(within(wrong).getByText('print').closest('li')).not.toHaveTextContent('Correct answer')
    const written = screen.getByRole('article', { name: 'What is the capital of Pakistan?' })
    expect(written).toHaveTextContent('Correct')
    expect(written).toHaveTextContent('4 / 4 points')
    expect(within(written).getByText('اسلام آباد')).toBeInTheDocument()
    expect(screen.getByRole('article', { name: 'Python runs code line by line.' })).toHaveTextContent('True')

    // The standing, the course (a certificate may be issued) and enrolments are refreshed.
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument()
    await waitFor(() => expect(api.calls('GET', `/api/v1/courses/${QUIZ_COURSE_SLUG}`).length).toBeGreaterThan(1))

    await user.click(screen.getByRole('button', { name: 'Back to the quiz' }))
    expect(await screen.findByText('Best score: 70%')).toBeInTheDocument()
  })

  it('resumes an open attempt with its saved answers and the time the server says is left', async () => {
    const { quiz, single, short } = buildFourKindQuiz()
    const attempt = buildAttempt({
      quiz_id: quiz.id,
      questions: quiz.questions,
      seconds_left: 250,
      answers: [
        { question_id: single.id, choice_ids: ['b'], text: '' },
        { question_id: short.id, choice_ids: [], text: 'لاہور' },
      ],
    })
    mockQuizLesson({
      quiz: { ...quiz, viewer: buildQuizViewer({ attempts_used: 1, attempts_left: 1, open_attempt_id: attempt.id }) },
      attempts: [summaryOf(attempt)],
      routes: [{ method: 'POST', path: `/api/v1/quizzes/${quiz.id}/attempts`, handler: () => json(attempt) }],
    })
    const { user } = open()

    expect(await screen.findByText('You have an attempt in progress, with about 4 min left. Your saved answers are waiting for you.', {}, FIRST_PAINT)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Start quiz' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Resume quiz' }))

    expect(await screen.findByRole('timer', { name: 'Time left' })).toHaveTextContent(/^4:(10|0\d)$/)
    expect(within(screen.getByRole('group', { name: 'What is 2 + 2?' })).getByRole('radio', { name: '4' })).toBeChecked()
    const capital = screen.getByRole('group', { name: 'What is the capital of Pakistan?' })
    expect(within(capital).getByRole('textbox', { name: 'Your answer' })).toHaveValue('لاہور')
    const navigator = screen.getByRole('navigation', { name: 'Questions' })
    expect(within(navigator).getByRole('button', { name: 'Question 1, answered' })).toBeInTheDocument()
    expect(within(navigator).getByRole('button', { name: 'Question 2, not answered' })).toBeInTheDocument()
  })

  it('lists unanswered questions before submitting and shows answers the server refused', async () => {
    const { quiz, single } = buildFourKindQuiz({ time_limit_seconds: null })
    const attempt = buildAttempt({ quiz_id: quiz.id, questions: quiz.questions, seconds_left: null, deadline_at: null })
    const api = mockQuizLesson({
      quiz,
      routes: [
        { method: 'POST', path: `/api/v1/quizzes/${quiz.id}/attempts`, handler: () => json(attempt, 201) },
        // Still saving when the student submits, so the submission carries the answer.
        { method: 'PATCH', path: `/api/v1/attempts/${attempt.id}`, handler: neverAnswer },
        {
          method: 'POST',
          path: `/api/v1/attempts/${attempt.id}/submit`,
          handler: () =>
            apiError(400, 'invalid_answers', 'Some answers do not fit.', {
              'answers.0.choice_ids': ['“b” is not a choice of this question.'],
            }),
        },
      ],
    })
    const { user } = open()

    await user.click(await screen.findByRole('button', { name: 'Start quiz' }, FIRST_PAINT))
    await user.click(within(await screen.findByRole('group', { name: 'What is 2 + 2?' })).getByRole('radio', { name: '4' }))
    expect(screen.queryByRole('timer')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Submit answers' }))

    const dialog = screen.getByRole('alertdialog', { name: 'Submit your answers?' })
    expect(dialog).toHaveTextContent("You haven't answered 3 questions:")
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Question 2 of 4: Which of these are Python keywords?',
      'Question 3 of 4: Python runs code line by line.',
      'Question 4 of 4: What is the capital of Pakistan?',
    ])
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }))

    expect(await screen.findByText("Your answers weren't submitted.")).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('Some answers don\'t fit this quiz. Check the questions marked below.')
    expect(screen.getByRole('group', { name: 'What is 2 + 2?' })).toHaveAccessibleDescription(
      /“b” is not a choice of this question\./,
    )
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(await requestBodies(api, 'POST', `/api/v1/attempts/${attempt.id}/submit`)).toEqual([
      { answers: [{ question_id: single.id, choice_ids: ['b'] }] },
    ])
  })

  it('explains when every attempt is used up', async () => {
    const { quiz } = buildFourKindQuiz()
    let standing = buildQuizViewer({ attempts_used: 1, attempts_left: 1, best_score_percent: '40.00', passed: false })
    mockQuizLesson({
      quiz: () => ({ ...quiz, viewer: standing }),
      routes: [
        {
          method: 'POST',
          path: `/api/v1/quizzes/${quiz.id}/attempts`,
          handler: () => {
            standing = { ...standing, attempts_used: 2, attempts_left: 0 }
            return apiError(409, 'attempts_exhausted', 'You have used all 2 attempts at this quiz.')
          },
        },
      ],
    })
    const { user } = open()

    expect(await screen.findByText('Best score: 40%', {}, FIRST_PAINT)).toBeInTheDocument()
    expect(screen.getByText('Not passed')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Start quiz' }))

    expect(await screen.findByRole('alert')).toHaveTextContent("You've used all your attempts at this quiz.")
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Start quiz' })).not.toBeInTheDocument())
  })

  it('opens a past attempt for review from the list', async () => {
    const { quiz, single } = buildFourKindQuiz()
    const past: Attempt = buildAttempt({
      quiz_id: quiz.id,
      status: 'submitted',
      submitted_at: '2026-01-06T09:05:00Z',
      seconds_left: 0,
      score_points: 2,
      max_points: 10,
      score_percent: '20.00',
      passed: false,
      questions: withAnswersRevealed(quiz.questions, { [single.id]: ['b'] }),
      answers: [{ question_id: single.id, choice_ids: ['a'], text: '' }],
      results: [{ question_id: single.id, correct: false, points_awarded: 0, points: 2 }],
    })
    mockQuizLesson({
      quiz: { ...quiz, viewer: buildQuizViewer({ attempts_used: 2, attempts_left: 0, best_score_percent: '20.00' }) },
      attempts: [summaryOf(past)],
      routes: [{ method: 'GET', path: `/api/v1/attempts/${past.id}`, handler: () => json(past) }],
    })
    const { user } = open()

    const list = await screen.findByRole('region', { name: 'Your attempts' }, FIRST_PAINT)
    expect(within(list).getByText('2 / 10')).toBeInTheDocument()
    await user.click(within(list).getByRole('button', { name: 'Review attempt 1' }))

    expect(await screen.findByRole('heading', { name: 'Your result' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    const question = screen.getByRole('article', { name: 'What is 2 + 2?' })
    expect(within(question).getByText('4').closest('li')).toHaveTextContent('Correct answer')
    expect(within(question).getByText('3').closest('li')).toHaveTextContent('Your answer')
  })

  it('speaks Urdu: true / false, the answer box and the timer', async () => {
    const { quiz, trueFalse, short } = buildFourKindQuiz()
    const attempt = buildAttempt({ quiz_id: quiz.id, questions: quiz.questions, seconds_left: 300 })
    mockQuizLesson({
      quiz,
      language: 'ur',
      routes: [{ method: 'POST', path: `/api/v1/quizzes/${quiz.id}/attempts`, handler: () => json(attempt, 201) }],
    })
    const { user } = open()

    await user.click(await screen.findByRole('button', { name: 'کوئز شروع کریں' }, FIRST_PAINT))
    expect(await screen.findByRole('timer', { name: 'باقی وقت' })).toBeInTheDocument()
    const statement = screen.getByRole('group', { name: trueFalse.prompt })
    expect(within(statement).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      'صحیح',
      'غلط',
    ])
    const written = screen.getByRole('group', { name: short.prompt })
    expect(within(written).getByRole('textbox', { name: 'آپ کا جواب' })).toHaveAttribute('dir', 'auto')
    expect(screen.getByRole('button', { name: 'جوابات جمع کرائیں' })).toBeInTheDocument()
  })

  it("says the quiz isn't open when the lesson has none published", async () => {
    mockQuizLesson({ quiz: null })
    open()
    expect(await screen.findByText("This quiz isn't open yet", {}, FIRST_PAINT)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Start quiz' })).not.toBeInTheDocument()
  })

  it("says the quiz isn't open when it was unpublished meanwhile", async () => {
    const { quiz } = buildFourKindQuiz()
    mockQuizLesson({
      quiz,
      routes: [{ method: 'GET', path: `/api/v1/quizzes/${quiz.id}`, handler: () => apiError(404, 'not_found', 'No quiz here.') }],
    })
    open()
    expect(await screen.findByText("This quiz isn't open yet", {}, FIRST_PAINT)).toBeInTheDocument()
  })
})
