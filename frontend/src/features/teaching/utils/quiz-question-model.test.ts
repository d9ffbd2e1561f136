import { describe, expect, it } from 'vitest'

import { buildQuestion } from '@/testing/quiz-builder-factories'

import {
  addAnswer,
  addChoice,
  changeKind,
  isQuestionField,
  markCorrect,
  newQuestionValues,
  nextChoiceId,
  questionValues,
  removeAnswer,
  removeChoice,
  setAnswerText,
  setChoiceText,
  toQuestionBody,
  validateQuestion,
  withoutRowErrors,
} from './quiz-question-model'

function filled(kind: 'single' | 'multiple' = 'single') {
  let values = { ...newQuestionValues(kind), prompt: '  Capital of Pakistan?  ', points: '2' }
  values = setChoiceText(values, 0, ' Islamabad ')
  values = setChoiceText(values, 1, 'Karachi')
  return values
}

describe('question form model', () => {
  it('starts with two empty choices a and b', () => {
    const values = newQuestionValues()
    expect(values.choices).toEqual([
      { id: 'a', text: '' },
      { id: 'b', text: '' },
    ])
    expect(values.points).toBe('1')
  })

  it('builds a single-choice body with trimmed text and the marked choice', () => {
    const values = markCorrect(filled(), 'a', true)
    expect(validateQuestion(values)).toEqual({})
    expect(toQuestionBody(values)).toEqual({
      kind: 'single',
      prompt: 'Capital of Pakistan?',
      points: 2,
      choices: [
        { id: 'a', text: 'Islamabad' },
        { id: 'b', text: 'Karachi' },
      ],
      correct_choice_ids: ['a'],
    })
  })

  it('keeps one correct choice for single choice and many for multiple choice', () => {
    let values = markCorrect(filled(), 'a', true)
    values = markCorrect(values, 'b', true)
    expect(values.correct).toEqual(['b'])

    let multiple = changeKind(values, 'multiple')
    multiple = markCorrect(multiple, 'a', true)
    expect(toQuestionBody(multiple).correct_choice_ids).toEqual(['a', 'b'])
    multiple = markCorrect(multiple, 'b', false)
    expect(multiple.correct).toEqual(['a'])

    const back = changeKind(markCorrect(multiple, 'b', true), 'single')
    expect(back.correct).toEqual(['a'])
  })

  it('asks for a correct choice, choice texts and a prompt', () => {
    const values = { ...newQuestionValues('single'), points: '0' }
    expect(validateQuestion(values)).toEqual({
      prompt: 'promptRequired',
      points: 'pointsInvalid',
      'choices.0.text': 'choiceRequired',
      'choices.1.text': 'choiceRequired',
      correct_choice_ids: 'correctSingle',
    })
    expect(validateQuestion(filled('multiple'))).toEqual({ correct_choice_ids: 'correctMultiple' })
  })

  it('accepts points from 1 to 100, in Urdu digits too', () => {
    const values = markCorrect(filled(), 'a', true)
    expect(validateQuestion({ ...values, points: '101' })).toEqual({ points: 'pointsInvalid' })
    expect(validateQuestion({ ...values, points: '1.5' })).toEqual({ points: 'pointsInvalid' })
    expect(toQuestionBody({ ...values, points: '۱۰' }).points).toBe(10)
  })

  it('adds choices up to ten and never reuses a removed id', () => {
    let values = addChoice(filled())
    values = markCorrect(values, 'b', true)
    values = removeChoice(values, 1)
    expect(values.choices.map((choice) => choice.id)).toEqual(['a', 'c'])
    expect(values.correct).toEqual([])
    values = addChoice(values)
    expect(values.choices.map((choice) => choice.id)).toEqual(['a', 'c', 'd'])
    for (let n = 0; n < 20; n += 1) values = addChoice(values)
    expect(values.choices).toHaveLength(10)
  })

  it('keeps at least two choices', () => {
    const values = filled()
    expect(removeChoice(values, 0)).toBe(values)
  })

  it('picks the next free id after z', () => {
    expect(nextChoiceId([])).toBe('a')
    expect(nextChoiceId(['a', 'c'])).toBe('b')
    expect(nextChoiceId(Array.from('abcdefghijklmnopqrstuvwxyz'))).toBe('c27')
  })

  it('builds a true-or-false body', () => {
    const values = { ...newQuestionValues('true_false'), prompt: 'Python is compiled to bytecode.' }
    expect(validateQuestion(values)).toEqual({ correct_choice_ids: 'truthRequired' })
    expect(toQuestionBody({ ...values, truth: 'true' })).toEqual({
      kind: 'true_false',
      prompt: 'Python is compiled to bytecode.',
      points: 1,
      correct_choice_ids: ['true'],
    })
  })

  it('builds a short-answer body with every accepted answer', () => {
    let values = { ...newQuestionValues('short'), prompt: 'Capital of Punjab?' }
    expect(validateQuestion(values)).toEqual({ 'accepted_answers.0': 'answerRequired' })
    values = setAnswerText(values, 0, 'Lahore ')
    values = setAnswerText(addAnswer(values), 1, 'لاہور')
    expect(toQuestionBody(values)).toEqual({
      kind: 'short',
      prompt: 'Capital of Punjab?',
      points: 1,
      accepted_answers: ['Lahore', 'لاہور'],
    })
    expect(removeAnswer(values, 0).answers.map((answer) => answer.text)).toEqual(['لاہور'])
    const one = removeAnswer(values, 0)
    expect(removeAnswer(one, 0)).toBe(one)
  })

  it('allows up to twenty accepted answers', () => {
    let values = newQuestionValues('short')
    for (let n = 0; n < 25; n += 1) values = addAnswer(values)
    expect(values.answers).toHaveLength(20)
    expect(new Set(values.answers.map((answer) => answer.key)).size).toBe(20)
  })

  it('reads a question from the API, keeping its choice ids', () => {
    const single = questionValues(
      buildQuestion({ choices: [{ id: 'x1', text: 'One' }, { id: 'x2', text: 'Two' }], correct_choice_ids: ['x2'] }),
    )
    expect(single.correct).toEqual(['x2'])
    expect(addChoice(single).choices.map((choice) => choice.id)).toEqual(['x1', 'x2', 'a'])

    const truth = questionValues(buildQuestion({ kind: 'true_false', correct_choice_ids: ['false'] }))
    expect(truth.truth).toBe('false')
    expect(truth.choices.map((choice) => choice.id)).toEqual(['a', 'b'])

    const short = questionValues(buildQuestion({ kind: 'short', accepted_answers: ['Lahore', 'lhr'] }))
    expect(short.answers.map((answer) => answer.text)).toEqual(['Lahore', 'lhr'])
  })

  it('knows which server errors belong to its inputs', () => {
    for (const key of ['prompt', 'points', 'choices', 'choices.1.text', 'choices.0.id', 'correct_choice_ids', 'accepted_answers', 'accepted_answers.3']) {
      expect(isQuestionField(key)).toBe(true)
    }
    expect(isQuestionField('non_field_errors')).toBe(false)
    expect(isQuestionField('choices.1.colour')).toBe(false)
  })

  it('drops errors of rows that moved', () => {
    expect(withoutRowErrors({ prompt: 'x', 'choices.1.text': 'y', choices: 'z' }, 'choices')).toEqual({
      prompt: 'x',
      choices: 'z',
    })
  })
})
