import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { QUESTION_LIMITS, type ChoiceDraft } from '../../utils/quiz-question-model'
import { QuestionRows } from './question-rows'

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
  const groupName = `${useId()}-correct`
  return (
    <QuestionRows
      legend={t('quizBuilder.question.choices')}
      hint={multiple ? t('quizBuilder.question.choicesHintMultiple') : t('quizBuilder.question.choicesHintSingle')}
      error={errors.correct_choice_ids ?? errors.choices}
      rows={choices.map((choice, index) => ({
        key: choice.id,
        text: choice.text,
        error: errors[`choices.${index}.text`] ?? errors[`choices.${index}.id`],
        leading: (
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={multiple ? undefined : groupName}
            className="size-6 shrink-0 accent-brand-700"
            aria-label={t('quizBuilder.question.choiceCorrect', { number: index + 1 })}
            checked={correct.includes(choice.id)}
            onChange={(event) => onCorrect(choice.id, event.target.checked)}
          />
        ),
      }))}
      min={QUESTION_LIMITS.minChoices}
      max={QUESTION_LIMITS.maxChoices}
      maxLength={QUESTION_LIMITS.choiceMax}
      rowLabel={(number) => t('quizBuilder.question.choice', { number })}
      removeLabel={(number) => t('quizBuilder.question.removeChoice', { number })}
      addLabel={t('quizBuilder.question.addChoice')}
      onText={onText}
      onAdd={onAdd}
      onRemove={onRemove}
    />
  )
}
