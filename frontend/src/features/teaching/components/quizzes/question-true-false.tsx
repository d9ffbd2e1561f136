import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Choice, ChoiceGroup } from '@/components/ui/field'

import type { Truth } from '../../utils/quiz-question-model'

/** Whether the statement of a true-or-false question is true. */
export function QuestionTrueFalse({
  value,
  error,
  onChange,
}: {
  value: Truth | null
  error: string | undefined
  onChange: (value: Truth) => void
}) {
  const { t } = useTranslation()
  const name = useId()
  return (
    <ChoiceGroup legend={t('quizBuilder.question.correctAnswer')} error={error}>
      <div className="grid gap-2 sm:grid-cols-2">
        <Choice
          type="radio"
          name={name}
          label={t('quizBuilder.question.trueIsCorrect')}
          checked={value === 'true'}
          onChange={() => onChange('true')}
        />
        <Choice
          type="radio"
          name={name}
          label={t('quizBuilder.question.falseIsCorrect')}
          checked={value === 'false'}
          onChange={() => onChange('false')}
        />
      </div>
    </ChoiceGroup>
  )
}
