import type { AttemptAnswer, AttemptAnswersBody, Question } from '@/api/types'
import { isApiError } from '@/lib/errors'

/** One answer as the form holds it: the chosen choices, or the typed text for a short answer. */
export interface AnswerDraft {
  choiceIds: readonly string[]
  text: string
}

/** The student's answers by question id. */
export type AnswerMap = Readonly<Record<string, AnswerDraft>>

/** What `PATCH /attempts/{id}` and `POST /attempts/{id}/submit` take for one question. */
export type AnswerInput = NonNullable<AttemptAnswersBody['answers']>[number]

export const EMPTY_ANSWER: AnswerDraft = { choiceIds: [], text: '' }

export function answerFor(answers: AnswerMap, questionId: string): AnswerDraft {
  return answers[questionId] ?? EMPTY_ANSWER
}

/** The attempt's saved answers, as the form starts from them. */
export function answersFromApi(answers: readonly AttemptAnswer[]): AnswerMap {
  const map: Record<string, AnswerDraft> = {}
  for (const answer of answers) map[answer.question_id] = { choiceIds: [...answer.choice_ids], text: answer.text }
  return map
}

export function isAnswered(answer: AnswerDraft | undefined): boolean {
  return Boolean(answer && (answer.choiceIds.length > 0 || answer.text.trim() !== ''))
}

function sameAnswer(a: AnswerDraft, b: AnswerDraft): boolean {
  if (a.text !== b.text || a.choiceIds.length !== b.choiceIds.length) return false
  return a.choiceIds.every((id) => b.choiceIds.includes(id))
}

/** Questions whose answer in `current` differs from what the server has (`saved`). */
export function changedQuestionIds(saved: AnswerMap, current: AnswerMap): string[] {
  const ids = new Set([...Object.keys(saved), ...Object.keys(current)])
  return [...ids].filter((id) => !sameAnswer(answerFor(saved, id), answerFor(current, id)))
}

/** `saved` with the answers to `ids` taken from `current` (after those were saved). */
export function withAnswers(saved: AnswerMap, current: AnswerMap, ids: readonly string[]): AnswerMap {
  const next: Record<string, AnswerDraft> = { ...saved }
  for (const id of ids) next[id] = answerFor(current, id)
  return next
}

/**
 * The API's answers for `ids` (every question when left out), in question order. Choice questions
 * send `choice_ids` only and short ones `text` only, as the server refuses text for a choice
 * question; an empty answer clears the saved one.
 */
export function answersToApi(
  questions: readonly Question[],
  answers: AnswerMap,
  ids: readonly string[] = questions.map((question) => question.id),
): AnswerInput[] {
  return questions
    .filter((question) => ids.includes(question.id))
    .map((question) => {
      const answer = answerFor(answers, question.id)
      if (question.kind === 'short') return { question_id: question.id, text: answer.text }
      const choiceIds = question.choices.map((choice) => choice.id).filter((id) => answer.choiceIds.includes(id))
      return { question_id: question.id, choice_ids: choiceIds }
    })
}

/** A checkbox was ticked or cleared: the new set of chosen ids. */
export function toggleChoice(choiceIds: readonly string[], id: string, checked: boolean): string[] {
  const without = choiceIds.filter((choiceId) => choiceId !== id)
  return checked ? [...without, id] : without
}

export function unansweredQuestions(questions: readonly Question[], answers: AnswerMap): Question[] {
  return questions.filter((question) => !isAnswered(answers[question.id]))
}

/**
 * `invalid_answers` names each bad item by its place in the request (`answers.2.choice_ids`);
 * this gives the first message per question id, so it can be shown beside that question.
 */
export function questionErrorsFrom(error: unknown, sent: readonly AnswerInput[]): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!isApiError(error)) return errors
  for (const [field, messages] of Object.entries(error.fields)) {
    const match = /^answers\.(\d+)\./.exec(field)
    const item = match ? sent[Number(match[1])] : undefined
    const message = messages[0]
    if (item && message && !errors[item.question_id]) errors[item.question_id] = message
  }
  return errors
}

/** The text of a choice; true / false questions use the UI language's words instead of the stored ones. */
export function choiceText(
  question: Question,
  choiceId: string,
  trueFalse: { true: string; false: string },
): string {
  if (question.kind === 'true_false' && (choiceId === 'true' || choiceId === 'false')) return trueFalse[choiceId]
  return question.choices.find((choice) => choice.id === choiceId)?.text ?? choiceId
}
