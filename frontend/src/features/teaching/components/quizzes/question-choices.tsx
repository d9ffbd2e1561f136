import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ChoiceGroup, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

import {
  QUESTION_LIMITS,
  type ChoiceDraft,
} from '../../utils/quiz-question-model'

const removeButton =
  'inline-flex size-11 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40'

/**
 * The choices of a single- or multiple-choice question: a radio (one correct) or checkboxes (any
 * number correct) beside each choice's text, and buttons to add and remove choices.
 */
export function QuestionChoices({
  multiple,
  choices,
  correct,
  errors,
  onText,
  onCorrect,
  onAdd,
  onRemove,
}: {
  multiple: boolean
  choices: readonly ChoiceDraft[]
  correct: readonly string[]
  errors: Record<string, string>
  onText: (index: number, text: string) => void
  onCorrect: (id: string, checked: boolean) => void
  onAdd: () => void
  onRemove: (index: number) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  return (
    <ChoiceGroup
      legend={t('quizBuilder.question.choices')}
      hint={multiple ? t('quizBuilder.question.choicesHintMultiple') : t('quizBuilder.question.choicesHintSingle')}
      error={errors.correct_choice_ids ?? errors.choices}
    >
      <ol className="space-y-3">
        {choices.map((choice, index) => {
          const number = index + 1
          const inputId = `${baseId}-${choice.id}`
          const errorId = `${inputId}-error`
          const error = errors[`choices.${index}.text`] ?? errors[`choices.${index}.id`]
          return (
            <li key={choice.id}>
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
                {t('quizBuilder.question.choice', { number })}
              </label>
              <div className="mt-1 flex items-center gap-2">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={multiple ? undefined : `${baseId}-correct`}
                  className="size-6 shrink-0 accent-brand-700"
                  aria-label={t('quizBuilder.question.choiceCorrect', { number })}
                  checked={correct.includes(choice.id)}
                  onChange={(event) => onCorrect(choice.id, event.target.checked)}
                />
                <Input
                  id={inputId}
                  dir="auto"
                  maxLength={QUESTION_LIMITS.choiceMax}
                  className="min-w-0 flex-1"
                  value={choice.text}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => onText(index, event.target.value)}
                />
                <button
                  type="button"
                  className={removeButton}
                  disabled={choices.length <= QUESTION_LIMITS.minChoices}
                  onClick={() => onRemove(index)}
                  aria-label={t('quizBuilder.question.removeChoice', { number })}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </div>
              {error && <FieldError id={errorId}>{error}</FieldError>}
            </li>
          )
        })}
      </ol>
      <Button variant="secondary" size="sm" onClick={onAdd} disabled={choices.length >= QUESTION_LIMITS.maxChoices}>
        {t('quizBuilder.question.addChoice')}
      </Button>
    </ChoiceGroup>
  )
}
