import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ChoiceGroup, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

import { QUESTION_LIMITS, type AnswerDraft } from '../../utils/quiz-question-model'

const removeButton =
  'inline-flex size-11 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40'

/** The answers a short-answer question accepts (1 to 20), each with its own input. */
export function QuestionAnswers({
  answers,
  errors,
  onText,
  onAdd,
  onRemove,
}: {
  answers: readonly AnswerDraft[]
  errors: Record<string, string>
  onText: (index: number, text: string) => void
  onAdd: () => void
  onRemove: (index: number) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  return (
    <ChoiceGroup
      legend={t('quizBuilder.question.acceptedAnswers')}
      hint={t('quizBuilder.question.acceptedHint')}
      error={errors.accepted_answers}
    >
      <ol className="space-y-3">
        {answers.map((answer, index) => {
          const number = index + 1
          const inputId = `${baseId}-${answer.key}`
          const errorId = `${inputId}-error`
          const error = errors[`accepted_answers.${index}`]
          return (
            <li key={answer.key}>
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
                {t('quizBuilder.question.acceptedAnswer', { number })}
              </label>
              <div className="mt-1 flex items-center gap-2">
                <Input
                  id={inputId}
                  dir="auto"
                  maxLength={QUESTION_LIMITS.answerMax}
                  className="min-w-0 flex-1"
                  value={answer.text}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => onText(index, event.target.value)}
                />
                <button
                  type="button"
                  className={removeButton}
                  disabled={answers.length <= QUESTION_LIMITS.minAnswers}
                  onClick={() => onRemove(index)}
                  aria-label={t('quizBuilder.question.removeAnswer', { number })}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </div>
              {error && <FieldError id={errorId}>{error}</FieldError>}
            </li>
          )
        })}
      </ol>
      <Button variant="secondary" size="sm" onClick={onAdd} disabled={answers.length >= QUESTION_LIMITS.maxAnswers}>
        {t('quizBuilder.question.addAnswer')}
      </Button>
    </ChoiceGroup>
  )
}
