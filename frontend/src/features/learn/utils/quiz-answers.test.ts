import { describe, expect, it } from 'vitest'

import { ApiError } from '@/lib/errors'
import { buildQuestion } from '@/testing/quizzes-factories'

import {
  answersFromApi,
  answersToApi,
  changedQuestionIds,
  choiceText,
  isAnswered,
  questionErrorsFrom,
  toggleChoice,
  unansweredQuestions,
  withAnswers,
} from './quiz-answers'

const single = buildQuestion({ id: 'q1', kind: 'single', choices: [{ id: 'a', text: 'Four' }, { id: 'b', text: 'Five' }] })
const multiple = buildQuestion({
  id: 'q2',
  kind: 'multiple',
  choices: [
    { id: 'a', text: 'int' },
    { id: 'b', text: 'str' },
    { id: 'c', text: 'if' },
  ],
})
const short = buildQuestion({ id: 'q3', kind: 'short', choices: [] })
const trueFalse = buildQuestion({ id: 'q4', kind: 'true_false', choices: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }] })
const questions = [single, multiple, short, trueFalse]

describe('quiz answers', () => {
  it('reads saved answers and writes them back per kind, in question order', () => {
    const map = answersFromApi([
      { question_id: 'q3', choice_ids: [], text: 'لاہور' },
      { question_id: 'q2', choice_ids: ['b', 'a'], text: '' },
    ])
    expect(answersToApi(questions, map)).toEqual([
      { question_id: 'q1', choice_ids: [] },
      { question_id: 'q2', choice_ids: ['a', 'b'] },
      { question_id: 'q3', text: 'لاہور' },
      { question_id: 'q4', choice_ids: [] },
    ])
    expect(answersToApi(questions, map, ['q3'])).toEqual([{ question_id: 'q3', text: 'لاہور' }])
  })

  it('drops choices the question does not have', () => {
    expect(answersToApi([single], { q1: { choiceIds: ['z', 'b'], text: '' } })).toEqual([
      { question_id: 'q1', choice_ids: ['b'] },
    ])
  })

  it('finds what changed since the last save, ignoring the order of choices', () => {
    const saved = answersFromApi([{ question_id: 'q2', choice_ids: ['a', 'b'], text: '' }])
    const current = { q2: { choiceIds: ['b', 'a'], text: '' }, q3: { choiceIds: [], text: 'x' } }
    expect(changedQuestionIds(saved, current)).toEqual(['q3'])
    expect(changedQuestionIds(saved, {})).toEqual(['q2'])
    expect(changedQuestionIds(withAnswers(saved, current, ['q3']), current)).toEqual([])
  })

  it('knows which questions are unanswered', () => {
    const answers = { q1: { choiceIds: ['a'], text: '' }, q3: { choiceIds: [], text: '   ' } }
    expect(isAnswered(answers.q1)).toBe(true)
    expect(isAnswered(answers.q3)).toBe(false)
    expect(unansweredQuestions(questions, answers).map((question) => question.id)).toEqual(['q2', 'q3', 'q4'])
  })

  it('toggles a checkbox choice', () => {
    expect(toggleChoice(['a'], 'c', true)).toEqual(['a', 'c'])
    expect(toggleChoice(['a', 'c'], 'a', false)).toEqual(['c'])
    expect(toggleChoice(['a'], 'a', true)).toEqual(['a'])
  })

  it('maps invalid_answers field errors to the questions that were sent', () => {
    const sent = answersToApi(questions, {}, ['q2', 'q4'])
    const error = new ApiError({
      status: 400,
      code: 'invalid_answers',
      message: 'Some answers do not fit.',
      fields: { 'answers.1.choice_ids': ['Choose one answer.'], answers: ['ignored'] },
    })
    expect(questionErrorsFrom(error, sent)).toEqual({ q4: 'Choose one answer.' })
    expect(questionErrorsFrom(new Error('x'), sent)).toEqual({})
  })

  it('names true / false choices in the UI language', () => {
    const words = { true: 'صحیح', false: 'غلط' }
    expect(choiceText(trueFalse, 'false', words)).toBe('غلط')
    expect(choiceText(single, 'b', words)).toBe('Five')
  })
})
