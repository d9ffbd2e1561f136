import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Question, QuestionBody } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Field, TextField } from '@/components/ui/field'
import { Select, Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'

import {
  addAnswer,
  addChoice,
  changeKind,
  isQuestionField,
  markCorrect,
  newQuestionValues,
  QUESTION_KINDS,
  QUESTION_LIMITS,
  questionValues,
  removeAnswer,
  removeChoice,
  setAnswerText,
  setChoiceText,
  toQuestionBody,
  validateQuestion,
  withoutRowErrors,
  type QuestionFormValues,
} from '../../utils/quiz-question-model'
import { QuestionAnswers } from './question-answers'
import { QuestionChoices } from './question-choices'
import { QuestionTrueFalse } from './question-true-false'

/**
 * Type, prompt, points and answer key of one question. Checks the server's rules before saving, and
 * puts the server's field errors (`choices.1.text`, `accepted_answers.0`…) on the matching input.
 */
export function QuestionForm({
  question,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  question: Question | null
  pending: boolean
  error: unknown
  onSubmit: (body: QuestionBody) => Promise<unknown>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { ref, focusInvalid } = useInvalidFocus()
  const [values, setValues] = useState<QuestionFormValues>(() =>
    question ? questionValues(question) : newQuestionValues(),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])

  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = validateQuestion(values)
    const messages = Object.fromEntries(
      Object.entries(found).map(([key, code]) => [key, t(`quizBuilder.question.errors.${code}`, QUESTION_LIMITS)]),
    )
    setErrors(messages)
    setOtherMessages([])
    if (Object.keys(messages).length > 0) {
      focusInvalid()
      return
    }
    onSubmit(toQuestionBody(values)).catch((failure: unknown) => {
      if (!isApiError(failure)) return
      const mapped: Record<string, string> = {}
      const other: string[] = []
      for (const [key, list] of Object.entries(failure.fields)) {
        if (isQuestionField(key) && list[0]) mapped[key] ??= list[0]
        else other.push(...list)
      }
      setErrors(mapped)
      setOtherMessages(other)
      if (Object.keys(mapped).length > 0) focusInvalid()
    })
  }

  const choiceKind = values.kind === 'single' || values.kind === 'multiple'

  return (
    <form ref={ref} onSubmit={onFormSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={error} extraMessages={otherMessages} />
      <Field label={t('quizBuilder.question.type')} error={errors.kind}>
        {(control) => (
          <Select
            {...control}
            value={values.kind}
            onChange={(event) => {
              const kind = QUESTION_KINDS.find((candidate) => candidate === event.target.value)
              if (kind) setValues((current) => changeKind(current, kind))
            }}
          >
            {QUESTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`quizBuilder.question.kind.${kind}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('quizBuilder.question.prompt')} error={errors.prompt}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={3}
            maxLength={QUESTION_LIMITS.promptMax}
            value={values.prompt}
            onChange={(event) => setValues((current) => ({ ...current, prompt: event.target.value }))}
          />
        )}
      </Field>
      <TextField
        label={t('quizBuilder.question.points')}
        hint={t('quizBuilder.question.pointsHint', { max: QUESTION_LIMITS.pointsMax })}
        inputMode="numeric"
        dir="ltr"
        className="max-w-48"
        value={values.points}
        onChange={(event) => setValues((current) => ({ ...current, points: event.target.value }))}
        error={errors.points}
      />
      {choiceKind && (
        <QuestionChoices
          multiple={values.kind === 'multiple'}
          choices={values.choices}
          correct={values.correct}
          errors={errors}
          onText={(index, text) => setValues((current) => setChoiceText(current, index, text))}
          onCorrect={(id, checked) => setValues((current) => markCorrect(current, id, checked))}
          onAdd={() => setValues(addChoice)}
          onRemove={(index) => {
            setValues((current) => removeChoice(current, index))
            setErrors((current) => withoutRowErrors(current, 'choices'))
          }}
        />
      )}
      {values.kind === 'true_false' && (
        <QuestionTrueFalse
          value={values.truth}
          error={errors.correct_choice_ids}
          onChange={(truth) => setValues((current) => ({ ...current, truth }))}
        />
      )}
      {values.kind === 'short' && (
        <QuestionAnswers
          answers={values.answers}
          errors={errors}
          onText={(index, text) => setValues((current) => setAnswerText(current, index, text))}
          onAdd={() => setValues(addAnswer)}
          onRemove={(index) => {
            setValues((current) => removeAnswer(current, index))
            setErrors((current) => withoutRowErrors(current, 'accepted_answers'))
          }}
        />
      )}
      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" loading={pending} loadingText={t('quizBuilder.saving')}>
          {t('quizBuilder.question.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  )
}
