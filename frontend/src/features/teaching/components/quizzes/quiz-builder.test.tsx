import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { apiError, json } from '@/testing/fetch-mock'
import { buildAttemptSummary, buildQuestion, buildQuizDetail, page } from '@/testing/quiz-builder-factories'
import { renderApp } from '@/testing/render-app'

import { quizServer, SLUG } from './quiz-test-server'

const QUIZZES_TAB = `/teaching/${SLUG}?tab=quizzes`

/** The builder's route loads lazily; the first look (and each long flow) may take a while on a busy machine. */
const SLOW = { timeout: 5000 }

describe('quiz builder: quizzes', { timeout: 30_000 }, () => {
  it('creates a quiz, adds a single-choice question and publishes it', async () => {
    const api = quizServer()
    const { user, router } = renderApp(QUIZZES_TAB)

    expect(await screen.findByText('No quizzes yet', {}, SLOW)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'New quiz' }))
    expect(router.state.location.search).toBe('?tab=quizzes&quiz=new')

    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Week 1 check')
    await user.type(screen.getByRole('textbox', { name: 'Instructions' }), 'No notes, please.')
    await user.type(screen.getByRole('textbox', { name: 'Time limit (minutes)' }), '15')
    await user.clear(screen.getByRole('textbox', { name: 'Attempts allowed' }))
    await user.type(screen.getByRole('textbox', { name: 'Attempts allowed' }), '2')
    await user.clear(screen.getByRole('textbox', { name: 'Passing score (%)' }))
    await user.type(screen.getByRole('textbox', { name: 'Passing score (%)' }), '70')
    await user.click(screen.getByRole('checkbox', { name: 'Required for the certificate' }))
    const lesson = screen.getByRole('combobox', { name: 'Lesson' })
    // Only lessons of kind quiz can open a quiz.
    expect(within(lesson).queryByRole('option', { name: 'Variables' })).not.toBeInTheDocument()
    await user.selectOptions(lesson, 'Week 1 quiz')
    await user.click(screen.getByRole('button', { name: 'Save quiz' }))

    expect(await screen.findByRole('heading', { name: 'Week 1 check', level: 2 })).toBeInTheDocument()
    expect(await api.bodies('POST', `/api/v1/courses/${SLUG}/quizzes`)).toEqual([
      {
        title: 'Week 1 check',
        instructions: 'No notes, please.',
        time_limit_seconds: 900,
        attempts_allowed: 2,
        passing_score_percent: 70,
        required_for_certificate: true,
        lesson_id: 'l-quiz',
      },
    ])
    const quizId = [...api.quizzes.keys()][0]!
    expect(router.state.location.search).toBe(`?tab=quizzes&quiz=${quizId}`)
    expect(screen.getByText('No questions yet')).toBeInTheDocument()
    expect(await screen.findByText('No one has taken this quiz yet.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Add question' }))
    const dialog = await screen.findByRole('dialog', { name: 'New question' })
    expect(within(dialog).getByRole('combobox', { name: 'Question type' })).toHaveValue('single')
    await user.type(within(dialog).getByRole('textbox', { name: 'Question' }), 'What does print(2 + 3) show?')
    await user.clear(within(dialog).getByRole('textbox', { name: 'Points' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Points' }), '2')
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 1' }), '23')
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 2' }), '5')
    await user.click(within(dialog).getByRole('button', { name: 'Add choice' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 3' }), 'An error')
    await user.click(within(dialog).getByRole('radio', { name: 'Choice 2 is correct' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await api.bodies('POST', `/api/v1/quizzes/${quizId}/questions`)).toEqual([
      {
        kind: 'single',
        prompt: 'What does print(2 + 3) show?',
        points: 2,
        choices: [
          { id: 'a', text: '23' },
          { id: 'b', text: '5' },
          { id: 'c', text: 'An error' },
        ],
        correct_choice_ids: ['b'],
      },
    ])
    const questions = await screen.findByRole('list', { name: 'Questions' })
    expect(within(questions).getByText('What does print(2 + 3) show?')).toBeInTheDocument()
    expect(router.state.location.search).toBe(`?tab=quizzes&quiz=${quizId}`)

    await user.click(screen.getByRole('button', { name: 'Publish quiz' }))
    expect(await screen.findByRole('button', { name: 'Unpublish quiz' })).toBeInTheDocument()
    expect(await api.bodies('PATCH', `/api/v1/quizzes/${quizId}`)).toEqual([{ is_published: true }])
    expect(screen.getByText('Published')).toBeInTheDocument()
  })

  it('shows why a quiz without questions cannot be published', async () => {
    const quiz = buildQuizDetail({ id: 'quiz-empty', title: 'Empty quiz' })
    quizServer([quiz])
    const { user } = renderApp(`${QUIZZES_TAB}&quiz=quiz-empty`)

    await user.click(await screen.findByRole('button', { name: 'Publish quiz' }, SLOW))

    expect(await screen.findByText('Add at least one question before publishing the quiz.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Publish quiz' })).toBeInTheDocument()
  })

  it('lists the quizzes with their settings and opens one from the list', async () => {
    quizServer([
      buildQuizDetail({
        id: 'quiz-1',
        title: 'Week 1 check',
        is_published: true,
        required_for_certificate: true,
        time_limit_seconds: 600,
        attempts_allowed: 2,
        passing_score_percent: 70,
        lesson_id: 'l-quiz',
        questions: [buildQuestion({ points: 3 }), buildQuestion({ points: 2 })],
      }),
      buildQuizDetail({ id: 'quiz-2', title: 'Draft quiz' }),
    ])
    const { user, router } = renderApp(QUIZZES_TAB)

    const first = (await screen.findByRole('link', { name: 'Week 1 check' }, SLOW)).closest('li')!
    expect(within(first).getByText('2 questions')).toBeInTheDocument()
    expect(within(first).getByText('5 points')).toBeInTheDocument()
    expect(within(first).getByText('10 min')).toBeInTheDocument()
    expect(within(first).getByText('70%')).toBeInTheDocument()
    expect(within(first).getByText('Published')).toBeInTheDocument()
    expect(within(first).getByText('Required for the certificate')).toBeInTheDocument()
    expect(within(first).getByText('Week 1 quiz')).toBeInTheDocument()
    const second = screen.getByRole('link', { name: 'Draft quiz' }).closest('li')!
    expect(within(second).getByText('Draft')).toBeInTheDocument()
    expect(within(second).getByText('No limit')).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'Draft quiz' }))
    expect(await screen.findByRole('heading', { name: 'Draft quiz', level: 2 })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?tab=quizzes&quiz=quiz-2')

    await user.click(screen.getByRole('link', { name: 'All quizzes' }))
    expect(await screen.findByRole('link', { name: 'Week 1 check' })).toBeInTheDocument()
  })

  it('saves changed settings, with the server field errors beside the fields', async () => {
    const quiz = buildQuizDetail({ id: 'quiz-1', title: 'Week 1 check', time_limit_seconds: 600 })
    const api = quizServer(
      [quiz],
      [
        {
          method: 'PATCH',
          path: '/api/v1/quizzes/quiz-1',
          handler: () =>
            apiError(400, 'validation_error', 'Check the highlighted fields.', {
              lesson_id: ['Another quiz already opens from this lesson.'],
            }),
        },
      ],
    )
    const { user } = renderApp(`${QUIZZES_TAB}&quiz=quiz-1`)

    const minutes = await screen.findByRole('textbox', { name: 'Time limit (minutes)' }, SLOW)
    expect(minutes).toHaveValue('10')
    await user.clear(minutes)
    await user.type(minutes, '500')
    await user.click(screen.getByRole('button', { name: 'Save quiz' }))
    expect(await screen.findByText('Enter minutes from 1 to 360, or leave it empty for no time limit.')).toBeInTheDocument()
    expect(minutes).toHaveAttribute('aria-invalid', 'true')
    expect(minutes).toHaveFocus()
    expect(api.calls('PATCH', '/api/v1/quizzes/quiz-1')).toHaveLength(0)

    await user.clear(minutes)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lesson' }), 'Week 1 quiz')
    await user.click(screen.getByRole('button', { name: 'Save quiz' }))

    expect(await screen.findByText('Another quiz already opens from this lesson.')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Lesson' })).toHaveAttribute('aria-invalid', 'true')
    expect(await api.bodies('PATCH', '/api/v1/quizzes/quiz-1')).toEqual([
      expect.objectContaining({ time_limit_seconds: null, lesson_id: 'l-quiz', title: 'Week 1 check' }),
    ])
  })

  it('explains that a quiz students have taken cannot be deleted, and offers to unpublish it', async () => {
    const quiz = buildQuizDetail({ id: 'quiz-1', title: 'Week 1 check', is_published: true, questions: [buildQuestion()] })
    const api = quizServer(
      [quiz],
      [
        {
          method: 'DELETE',
          path: '/api/v1/quizzes/quiz-1',
          handler: () => apiError(409, 'quiz_has_attempts', 'Students have taken this quiz; unpublish it instead.'),
        },
      ],
    )
    const { user } = renderApp(`${QUIZZES_TAB}&quiz=quiz-1`)

    await user.click(await screen.findByRole('button', { name: 'Delete quiz' }, SLOW))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Week 1 check”?' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))

    expect(await screen.findByText("This quiz can't be deleted")).toBeInTheDocument()
    expect(screen.getByText(/Students have already taken this quiz, so it can't be deleted/)).toBeInTheDocument()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Unpublish instead' }))
    expect(await screen.findByRole('button', { name: 'Publish quiz' })).toBeInTheDocument()
    expect(await api.bodies('PATCH', '/api/v1/quizzes/quiz-1')).toEqual([{ is_published: false }])
    expect(screen.getByText(/It is unpublished, so students no longer see it/)).toBeInTheDocument()
  })

  it('deletes a quiz nobody has taken and goes back to the list', async () => {
    const api = quizServer([buildQuizDetail({ id: 'quiz-1', title: 'Week 1 check' })])
    const { user, router } = renderApp(`${QUIZZES_TAB}&quiz=quiz-1`)

    await user.click(await screen.findByRole('button', { name: 'Delete quiz' }, SLOW))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }))

    expect(await screen.findByText('No quizzes yet')).toBeInTheDocument()
    expect(router.state.location.search).toBe('?tab=quizzes')
    expect(api.calls('DELETE', '/api/v1/quizzes/quiz-1')).toHaveLength(1)
    // The deleted quiz is not asked for again.
    expect(api.calls('GET', '/api/v1/quizzes/quiz-1')).toHaveLength(1)
  })

  it("lists the students' attempts", async () => {
    const quiz = buildQuizDetail({ id: 'quiz-1', questions: [buildQuestion()] })
    quizServer(
      [quiz],
      [
        {
          method: 'GET',
          path: '/api/v1/quizzes/quiz-1/attempts',
          handler: () =>
            json(
              page(
                [
                  buildAttemptSummary({ student: { id: 's1', full_name: 'Ayesha Khan', avatar_url: null }, number: 2 }),
                  buildAttemptSummary({
                    student: { id: 's2', full_name: 'Bilal Ahmed', avatar_url: null },
                    score_percent: '40.00',
                    score_points: 4,
                    passed: false,
                  }),
                ],
                25,
              ),
            ),
        },
      ],
    )
    const { user, router } = renderApp(`${QUIZZES_TAB}&quiz=quiz-1`)

    const table = await screen.findByRole('table', { name: /attempts at this quiz/ }, SLOW)
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Ayesha Khan')
    expect(rows[1]).toHaveTextContent('70%')
    expect(rows[1]).toHaveTextContent('7 of 10 points')
    expect(rows[1]).toHaveTextContent('Passed')
    expect(rows[2]).toHaveTextContent('40%')
    expect(rows[2]).toHaveTextContent('Not passed')
    expect(screen.getByText('25 attempts so far.')).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: /Next/ }))
    expect(router.state.location.search).toBe('?tab=quizzes&quiz=quiz-1&attemptsPage=2')
  })
})
