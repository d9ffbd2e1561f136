import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { Question } from '@/api/types'
import { cn } from '@/components/ui/cn'
import { Choice, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

import { choiceText, toggleChoice, type AnswerDraft } from '../../utils/quiz-answers'
import { questionAnchorId } from './question-anchor'

/** The longest short answer the server accepts. */
const MAX_TEXT = 2000

/**
 * One question as a `fieldset` whose legend is the prompt: radios for single choice and
 * true / false, checkboxes for multiple choice, a text box for a short answer.
 */
export function QuestionField({
  question,
  number,
  total,
  answer,
  onChange,
  disabled,
  error,
}: {
  question: Question
  number: number
  total: number
  answer: AnswerDraft
  onChange: (answer: AnswerDraft) => void
  disabled: boolean
  error: string | undefined
}) {
  const { t } = useTranslation()
  const id = useId()
  const metaId = `${id}-meta`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const multiple = question.kind === 'multiple'
  const describedBy = [metaId, multiple ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  const words = { true: t('quizzes.take.true'), false: t('quizzes.take.false') }

  return (
    <div
      id={questionAnchorId(question.id)}
      className={cn(
        'scroll-mt-28 rounded-lg border bg-white p-4 shadow-sm sm:p-6',
        error ? 'border-red-700' : 'border-slate-200',
      )}
    >
      <p id={metaId} className="mb-2 text-sm text-slate-600">
        {t('quizzes.take.questionOf', { number, total })} · {t('quizzes.take.points', { count: question.points })}
      </p>
      <fieldset disabled={disabled} aria-describedby={describedBy} className="min-w-0 space-y-3">
        <legend className="mb-3 text-lg font-semibold text-slate-900">
          <span dir="auto" className="whitespace-pre-line">
            {question.prompt}
          </span>
        </legend>
        {multiple && (
          <p id={hintId} className="text-sm text-slate-600">
            {t('quizzes.take.chooseAll')}
          </p>
        )}
        {question.kind === 'short' ? (
          <div className="space-y-1">
            <label htmlFor={`${id}-text`} className="block font-medium text-slate-900">
              {t('quizzes.take.yourAnswer')}
            </label>
            <Input
              id={`${id}-text`}
              dir="auto"
              autoComplete="off"
              maxLength={MAX_TEXT}
              value={answer.text}
              onChange={(event) => onChange({ choiceIds: [], text: event.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
          </div>
        ) : (
          <div className="space-y-2">
            {question.choices.map((choice) => (
              <Choice
                key={choice.id}
                type={multiple ? 'checkbox' : 'radio'}
                name={`${id}-choice`}
                value={choice.id}
                checked={answer.choiceIds.includes(choice.id)}
                onChange={(event) =>
                  onChange({
                    choiceIds: multiple ? toggleChoice(answer.choiceIds, choice.id, event.target.checked) : [choice.id],
                    text: '',
                  })
                }
                label={<span dir="auto">{choiceText(question, choice.id, words)}</span>}
              />
            ))}
          </div>
        )}
        {error && <FieldError id={errorId}>{error}</FieldError>}
      </fieldset>
    </div>
  )
}
