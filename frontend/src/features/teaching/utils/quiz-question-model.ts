import type { Question, QuestionBody, QuestionKind } from '@/api/types'

import { parseWhole } from './quiz-numbers'

export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'true_false', 'short']

/** The server's rules for building a question (see "Rules for building" in the API docs). */
export const QUESTION_LIMITS = {
  promptMax: 5000,
  pointsMax: 100,
  minChoices: 2,
  maxChoices: 10,
  choiceMax: 500,
  minAnswers: 1,
  maxAnswers: 20,
  answerMax: 200,
} as const

export interface ChoiceDraft {
  /** The choice id sent to the server; also the row's React key. */
  id: string
  text: string
}

export interface AnswerDraft {
  key: number
  text: string
}

export type Truth = 'true' | 'false'

/**
 * One question being edited. Choices, the correct mark and accepted answers are all kept while
 * the kind changes, so switching kinds back and forth loses nothing the tutor typed.
 */
export interface QuestionFormValues {
  kind: QuestionKind
  prompt: string
  points: string
  choices: ChoiceDraft[]
  /** Ids of the correct choices, for single and multiple choice. */
  correct: string[]
  truth: Truth | null
  answers: AnswerDraft[]
  /**
   * Every choice id this question has had, so a new choice never takes the id of a removed one
   * (students' saved answers point at choice ids).
   */
  takenIds: string[]
}

export type QuestionErrorCode =
  | 'promptRequired'
  | 'promptTooLong'
  | 'pointsInvalid'
  | 'choicesCount'
  | 'choiceRequired'
  | 'choiceTooLong'
  | 'correctSingle'
  | 'correctMultiple'
  | 'truthRequired'
  | 'answersCount'
  | 'answerRequired'
  | 'answerTooLong'

/** Errors keyed by the API's field paths (`prompt`, `choices.1.text`, `accepted_answers.0`…). */
export type QuestionErrors = Record<string, QuestionErrorCode>

const FIELD_PATTERN = /^(kind|prompt|points|correct_choice_ids|choices(\.\d+(\.(text|id))?)?|accepted_answers(\.\d+)?)$/

/** Whether a server error key belongs to an input of the question form. */
export function isQuestionField(key: string): boolean {
  return FIELD_PATTERN.test(key)
}

/** The first id not yet taken: `a`, `b`, … `z`, then `c27`, `c28`, … */
export function nextChoiceId(taken: readonly string[]): string {
  const used = new Set(taken)
  const letter = Array.from('abcdefghijklmnopqrstuvwxyz').find((candidate) => !used.has(candidate))
  if (letter) return letter
  let n = 27
  while (used.has(`c${n}`)) n += 1
  return `c${n}`
}

function withNewChoice(values: QuestionFormValues): QuestionFormValues {
  const id = nextChoiceId(values.takenIds)
  return { ...values, choices: [...values.choices, { id, text: '' }], takenIds: [...values.takenIds, id] }
}

export function newQuestionValues(kind: QuestionKind = 'single'): QuestionFormValues {
  const empty: QuestionFormValues = {
    kind,
    prompt: '',
    points: '1',
    choices: [],
    correct: [],
    truth: null,
    answers: [{ key: 0, text: '' }],
    takenIds: [],
  }
  return withNewChoice(withNewChoice(empty))
}

export function questionValues(question: Question): QuestionFormValues {
  const correct = question.correct_choice_ids ?? []
  const accepted = question.accepted_answers ?? []
  const choices = question.kind === 'single' || question.kind === 'multiple' ? question.choices : []
  const base: QuestionFormValues = {
    kind: question.kind,
    prompt: question.prompt,
    points: String(question.points),
    choices: choices.map((choice) => ({ id: choice.id, text: choice.text })),
    correct: question.kind === 'true_false' ? [] : correct,
    truth: question.kind === 'true_false' ? (correct[0] === 'false' ? 'false' : correct[0] === 'true' ? 'true' : null) : null,
    answers: (accepted.length > 0 ? accepted : ['']).map((text, key) => ({ key, text })),
    takenIds: choices.map((choice) => choice.id),
  }
  let values = base
  while (values.choices.length < QUESTION_LIMITS.minChoices) values = withNewChoice(values)
  return values
}

export function changeKind(values: QuestionFormValues, kind: QuestionKind): QuestionFormValues {
  const correct = kind === 'single' ? values.correct.slice(0, 1) : values.correct
  return { ...values, kind, correct }
}

export function addChoice(values: QuestionFormValues): QuestionFormValues {
  return values.choices.length >= QUESTION_LIMITS.maxChoices ? values : withNewChoice(values)
}

export function removeChoice(values: QuestionFormValues, index: number): QuestionFormValues {
  const removed = values.choices[index]
  if (!removed || values.choices.length <= QUESTION_LIMITS.minChoices) return values
  return {
    ...values,
    choices: values.choices.filter((_, at) => at !== index),
    correct: values.correct.filter((id) => id !== removed.id),
  }
}

export function setChoiceText(values: QuestionFormValues, index: number, text: string): QuestionFormValues {
  return { ...values, choices: values.choices.map((choice, at) => (at === index ? { ...choice, text } : choice)) }
}

/** Single choice: this one becomes the correct one. Multiple choice: toggles it. */
export function markCorrect(values: QuestionFormValues, id: string, checked: boolean): QuestionFormValues {
  if (values.kind === 'single') return { ...values, correct: checked ? [id] : [] }
  const others = values.correct.filter((current) => current !== id)
  return { ...values, correct: checked ? [...others, id] : others }
}

export function addAnswer(values: QuestionFormValues): QuestionFormValues {
  if (values.answers.length >= QUESTION_LIMITS.maxAnswers) return values
  const key = Math.max(-1, ...values.answers.map((answer) => answer.key)) + 1
  return { ...values, answers: [...values.answers, { key, text: '' }] }
}

export function removeAnswer(values: QuestionFormValues, index: number): QuestionFormValues {
  if (values.answers.length <= QUESTION_LIMITS.minAnswers) return values
  return { ...values, answers: values.answers.filter((_, at) => at !== index) }
}

export function setAnswerText(values: QuestionFormValues, index: number, text: string): QuestionFormValues {
  return { ...values, answers: values.answers.map((answer, at) => (at === index ? { ...answer, text } : answer)) }
}

function validateChoices(values: QuestionFormValues, errors: QuestionErrors): void {
  const count = values.choices.length
  if (count < QUESTION_LIMITS.minChoices || count > QUESTION_LIMITS.maxChoices) errors.choices = 'choicesCount'
  values.choices.forEach((choice, index) => {
    const text = choice.text.trim()
    if (!text) errors[`choices.${index}.text`] = 'choiceRequired'
    else if (text.length > QUESTION_LIMITS.choiceMax) errors[`choices.${index}.text`] = 'choiceTooLong'
  })
  const correct = values.correct.filter((id) => values.choices.some((choice) => choice.id === id))
  if (values.kind === 'single' && correct.length !== 1) errors.correct_choice_ids = 'correctSingle'
  if (values.kind === 'multiple' && correct.length === 0) errors.correct_choice_ids = 'correctMultiple'
}

function validateAnswers(values: QuestionFormValues, errors: QuestionErrors): void {
  const count = values.answers.length
  if (count < QUESTION_LIMITS.minAnswers || count > QUESTION_LIMITS.maxAnswers) errors.accepted_answers = 'answersCount'
  values.answers.forEach((answer, index) => {
    const text = answer.text.trim()
    if (!text) errors[`accepted_answers.${index}`] = 'answerRequired'
    else if (text.length > QUESTION_LIMITS.answerMax) errors[`accepted_answers.${index}`] = 'answerTooLong'
  })
}

/** The server's checks, done first on the device so most mistakes show without a round trip. */
export function validateQuestion(values: QuestionFormValues): QuestionErrors {
  const errors: QuestionErrors = {}
  const prompt = values.prompt.trim()
  if (!prompt) errors.prompt = 'promptRequired'
  else if (prompt.length > QUESTION_LIMITS.promptMax) errors.prompt = 'promptTooLong'
  if (parseWhole(values.points, 1, QUESTION_LIMITS.pointsMax) === null) errors.points = 'pointsInvalid'
  if (values.kind === 'single' || values.kind === 'multiple') validateChoices(values, errors)
  else if (values.kind === 'true_false' && values.truth === null) errors.correct_choice_ids = 'truthRequired'
  else if (values.kind === 'short') validateAnswers(values, errors)
  return errors
}

/** The body for `POST /quizzes/{id}/questions` and `PATCH /questions/{id}`: only what the kind uses. */
export function toQuestionBody(values: QuestionFormValues): QuestionBody {
  const common = {
    kind: values.kind,
    prompt: values.prompt.trim(),
    points: parseWhole(values.points, 1, QUESTION_LIMITS.pointsMax) ?? 1,
  }
  switch (values.kind) {
    case 'single':
    case 'multiple':
      return {
        ...common,
        choices: values.choices.map((choice) => ({ id: choice.id, text: choice.text.trim() })),
        correct_choice_ids: values.choices.filter((choice) => values.correct.includes(choice.id)).map((c) => c.id),
      }
    case 'true_false':
      return { ...common, correct_choice_ids: values.truth ? [values.truth] : [] }
    case 'short':
      return { ...common, accepted_answers: values.answers.map((answer) => answer.text.trim()) }
  }
}

/** Drops errors tied to choice or answer positions, which no longer match after a row is removed. */
export function withoutRowErrors<T>(errors: Record<string, T>, prefix: 'choices' | 'accepted_answers'): Record<string, T> {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith(`${prefix}.`)))
}
