import { useTranslation } from 'react-i18next'

import type { Question } from '@/api/types'
import { cn } from '@/components/ui/cn'

import { isAnswered, type AnswerMap } from '../../utils/quiz-answers'
import { questionAnchorId } from './question-anchor'

/** Numbered buttons that jump to each question and show which are answered (wide screens). */
export function QuestionNavigator({
  questions,
  answers,
  className,
}: {
  questions: readonly Question[]
  answers: AnswerMap
  className?: string
}) {
  const { t } = useTranslation()
  const jump = (questionId: string) => {
    const card = document.getElementById(questionAnchorId(questionId))
    const target = card?.querySelector<HTMLElement>('input:not([disabled])') ?? card
    target?.focus()
    card?.scrollIntoView?.({ block: 'start' })
  }
  return (
    <nav aria-label={t('quizzes.take.navigator')} className={className}>
      <p className="mb-2 text-sm font-semibold text-slate-700" aria-hidden="true">
        {t('quizzes.take.navigator')}
      </p>
      <ol className="grid grid-cols-4 gap-2">
        {questions.map((question, index) => {
          const answered = isAnswered(answers[question.id])
          const number = index + 1
          return (
            <li key={question.id}>
              <button
                type="button"
                onClick={() => jump(question.id)}
                aria-label={t(answered ? 'quizzes.take.navAnswered' : 'quizzes.take.navUnanswered', { number })}
                className={cn(
                  'flex size-10 items-center justify-center rounded-md border text-sm font-semibold',
                  answered
                    ? 'border-brand-700 bg-brand-700 text-white hover:bg-brand-800'
                    : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
                )}
              >
                {number}
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
