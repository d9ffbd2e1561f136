import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { apiError } from '@/testing/fetch-mock'
import { buildQuestion, buildQuizDetail } from '@/testing/quiz-builder-factories'
import { renderApp } from '@/testing/render-app'

import { quizServer, SLUG } from './quiz-test-server'

const SLOW = { timeout: 5000 }
const QUIZ_PAGE = `/teaching/${SLUG}?tab=quizzes&quiz=quiz-1`

async function openNewQuestion(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Add question' }, SLOW))
  return screen.findByRole('dialog', { name: 'New question' })
}

describe('quiz builder: questions', { timeout: 30_000 }, () => {
  it('adds a short-answer question with two accepted answers', async () => {
    const api = quizServer([buildQuizDetail({ id: 'quiz-1' })])
    const { user } = renderApp(QUIZ_PAGE)

    const dialog = await openNewQuestion(user)
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Question type' }), 'Short answer')
    expect(within(dialog).queryByRole('textbox', { name: 'Choice 1' })).not.toBeInTheDocument()
    await user.type(within(dialog).getByRole('textbox', { name: 'Question' }), 'Capital of Punjab?')
    await user.type(within(dialog).getByRole('textbox', { name: 'Accepted answer 1' }), 'Lahore')
    expect(within(dialog).getByRole('button', { name: 'Remove accepted answer 1' })).toBeDisabled()
    await user.click(within(dialog).getByRole('button', { name: 'Add accepted answer' }))
    await user.type(within(dialog).getByRole('textbox', { name: 'Accepted answer 2' }), 'لاہور')
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await api.bodies('POST', '/api/v1/quizzes/quiz-1/questions')).toEqual([
      { kind: 'short', prompt: 'Capital of Punjab?', points: 1, accepted_answers: ['Lahore', 'لاہور'] },
    ])
    const list = await screen.findByRole('list', { name: 'Questions' })
    expect(within(list).getByText('Capital of Punjab?')).toBeInTheDocument()
    expect(within(list).getByText('لاہور')).toBeInTheDocument()
  })

  it('will not save a choice question without a correct choice', async () => {
    const api = quizServer([buildQuizDetail({ id: 'quiz-1' })])
    const { user } = renderApp(QUIZ_PAGE)

    const dialog = await openNewQuestion(user)
    await user.type(within(dialog).getByRole('textbox', { name: 'Question' }), 'Pick one')
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 1' }), 'Yes')
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }))

    expect(await within(dialog).findByText('Write the text of this choice.')).toBeInTheDocument()
    expect(within(dialog).getByText('Mark the one correct choice.')).toBeInTheDocument()
    expect(within(dialog).getByRole('textbox', { name: 'Choice 2' })).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByRole('textbox', { name: 'Choice 1' })).not.toHaveAttribute('aria-invalid')
    expect(api.calls('POST', '/api/v1/quizzes/quiz-1/questions')).toHaveLength(0)

    // Multiple choice: at least one box ticked.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Question type' }), 'Multiple choice')
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 2' }), 'No')
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }))
    expect(await within(dialog).findByText('Mark at least one choice as correct.')).toBeInTheDocument()
    await waitFor(() => expect(within(dialog).getByRole('checkbox', { name: 'Choice 1 is correct' })).toHaveFocus())
    expect(api.calls('POST', '/api/v1/quizzes/quiz-1/questions')).toHaveLength(0)
  })

  it("shows the server's error on the choice it names", async () => {
    const api = quizServer(
      [buildQuizDetail({ id: 'quiz-1' })],
      [
        {
          method: 'POST',
          path: '/api/v1/quizzes/quiz-1/questions',
          handler: () =>
            apiError(400, 'validation_error', 'Check the highlighted fields.', {
              'choices.1.text': ['Keep a choice under 500 characters.'],
            }),
        },
      ],
    )
    const { user } = renderApp(QUIZ_PAGE)

    const dialog = await openNewQuestion(user)
    await user.type(within(dialog).getByRole('textbox', { name: 'Question' }), 'Pick one')
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 1' }), 'Yes')
    await user.type(within(dialog).getByRole('textbox', { name: 'Choice 2' }), 'No')
    await user.click(within(dialog).getByRole('radio', { name: 'Choice 1 is correct' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }))

    const second = within(dialog).getByRole('textbox', { name: 'Choice 2' })
    await waitFor(() => expect(second).toHaveAttribute('aria-invalid', 'true'))
    expect(second).toHaveAccessibleDescription(/Keep a choice under 500 characters\./)
    expect(second).toHaveFocus()
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Check the highlighted fields.')
    expect(api.calls('POST', '/api/v1/quizzes/quiz-1/questions')).toHaveLength(1)
  })

  it('moves questions up and down, saving the whole order', async () => {
    const quiz = buildQuizDetail({
      id: 'quiz-1',
      questions: [
        buildQuestion({ id: 'q-1', prompt: 'First question' }),
        buildQuestion({ id: 'q-2', prompt: 'Second question' }),
        buildQuestion({ id: 'q-3', prompt: 'Third question' }),
      ],
    })
    const api = quizServer([quiz])
    const { user } = renderApp(QUIZ_PAGE)

    expect(await screen.findByRole('button', { name: 'Move question 1 up' }, SLOW)).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Move question 3 down' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Move question 1 down' }))

    await waitFor(async () =>
      expect(await api.bodies('PATCH', '/api/v1/quizzes/quiz-1')).toEqual([{ question_ids: ['q-2', 'q-1', 'q-3'] }]),
    )
    const list = screen.getByRole('list', { name: 'Questions' })
    const items = within(list).getAllByRole('listitem').filter((item) => item.parentElement === list)
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Second question'),
      expect.stringContaining('First question'),
      expect.stringContaining('Third question'),
    ])

    await user.click(screen.getByRole('button', { name: 'Move question 3 up' }))
    await waitFor(async () => expect(await api.bodies('PATCH', '/api/v1/quizzes/quiz-1')).toHaveLength(2))
    expect((await api.bodies('PATCH', '/api/v1/quizzes/quiz-1'))[1]).toEqual({ question_ids: ['q-2', 'q-3', 'q-1'] })
  })

  it('explains why the last question of a published quiz cannot be deleted', async () => {
    const quiz = buildQuizDetail({ id: 'quiz-1', is_published: true, questions: [buildQuestion({ id: 'q-1' })] })
    const api = quizServer([quiz])
    const { user } = renderApp(QUIZ_PAGE)

    await user.click(await screen.findByRole('button', { name: 'Delete question 1' }, SLOW))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete question 1?' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }))

    expect(await screen.findByText(/A published quiz needs at least one question\. Unpublish the quiz first/)).toBeInTheDocument()
    expect(api.calls('DELETE', '/api/v1/questions/q-1')).toHaveLength(1)
    expect(screen.getByRole('button', { name: 'Delete question 1' })).toBeInTheDocument()
  })

  it('deletes a question after confirming', async () => {
    const quiz = buildQuizDetail({
      id: 'quiz-1',
      questions: [buildQuestion({ id: 'q-1', prompt: 'Keep me' }), buildQuestion({ id: 'q-2', prompt: 'Remove me' })],
    })
    quizServer([quiz])
    const { user } = renderApp(QUIZ_PAGE)

    await user.click(await screen.findByRole('button', { name: 'Delete question 2' }, SLOW))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }))

    await waitFor(() => expect(screen.queryByText('Remove me')).not.toBeInTheDocument())
    expect(screen.getByText('Keep me')).toBeInTheDocument()
  })

  it('opens a question from the URL and saves a true-or-false answer', async () => {
    const quiz = buildQuizDetail({
      id: 'quiz-1',
      questions: [buildQuestion({ id: 'q-1', kind: 'true_false', prompt: 'Python is interpreted.', correct_choice_ids: ['true'] })],
    })
    const api = quizServer([quiz])
    const { user, router } = renderApp(`${QUIZ_PAGE}&question=q-1`)

    const dialog = await screen.findByRole('dialog', { name: 'Edit question 1' }, SLOW)
    expect(within(dialog).getByRole('combobox', { name: 'Question type' })).toHaveValue('true_false')
    expect(within(dialog).getByRole('radio', { name: 'True is correct' })).toBeChecked()
    await user.click(within(dialog).getByRole('radio', { name: 'False is correct' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save question' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await api.bodies('PATCH', '/api/v1/questions/q-1')).toEqual([
      { kind: 'true_false', prompt: 'Python is interpreted.', points: 1, correct_choice_ids: ['false'] },
    ])
    expect(router.state.location.search).toBe('?tab=quizzes&quiz=quiz-1')
    expect(await screen.findByText('False', { selector: 'span' })).toBeInTheDocument()
  })

  it('goes back in history when closing a question opened from the page', async () => {
    quizServer([buildQuizDetail({ id: 'quiz-1', questions: [buildQuestion({ id: 'q-1' })] })])
    const { user, router } = renderApp(QUIZ_PAGE)

    await user.click(await screen.findByRole('button', { name: 'Edit question 1' }, SLOW))
    expect(await screen.findByRole('dialog', { name: 'Edit question 1' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?tab=quizzes&quiz=quiz-1&question=q-1')

    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(router.state.location.search).toBe('?tab=quizzes&quiz=quiz-1')
    expect(router.state.historyAction).toBe('POP')
  })
})
