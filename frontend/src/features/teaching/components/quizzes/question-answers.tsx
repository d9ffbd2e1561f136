import { useTranslation } from 'react-i18next'

import { QUESTION_LIMITS, type AnswerDraft } from '../../utils/quiz-question-model'
import { QuestionRows } from './question-rows'

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
  return (
    <QuestionRows
      legend={t('quizBuilder.question.acceptedAnswers')}
      hint={t('quizBuilder.question.acceptedHint')}
      error={errors.accepted_answers}
      rows={answers.map((answer, index) => ({
        key: answer.key,
        text: answer.text,
        error: errors[`accepted_answers.${index}`],
      }))}
      min={QUESTION_LIMITS.minAnswers}
      max={QUESTION_LIMITS.maxAnswers}
      maxLength={QUESTION_LIMITS.answerMax}
      rowLabel={(number) => t('quizBuilder.question.acceptedAnswer', { number })}
      removeLabel={(number) => t('quizBuilder.question.removeAnswer', { number })}
      addLabel={t('quizBuilder.question.addAnswer')}
      onText={onText}
      onAdd={onAdd}
      onRemove={onRemove}
    />
  )
}
