import { useTranslation } from 'react-i18next'

import type { Attempt, Question } from '@/api/types'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'

import { choiceText, type AnswerDraft } from '../../utils/quiz-answers'

type QuestionOutcome = NonNullable<Attempt['results']>[number]

/** One graded question: what the student answered, whether it was right, the points and the right answer. */
export function QuestionResult({
  question,
  number,
  total,
  answer,
  outcome,
}: {
  question: Question
  number: number
  total: number
  answer: AnswerDraft
  outcome: QuestionOutcome | undefined
}) {
  const { t } = useTranslation()
  const correct = outcome?.correct ?? false
  return (
    <article
      aria-labelledby={`result-${question.id}`}
      className={cn(
        'space-y-3 rounded-lg border border-slate-200 border-s-4 bg-white p-4 shadow-sm sm:p-6',
        correct ? 'border-s-brand-700' : 'border-s-red-700',
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{t('quizzes.take.questionOf', { number, total })}</p>
        <div className="flex items-center gap-2">
          <Badge tone={correct ? 'brand' : 'danger'}>
            <span aria-hidden="true">{correct ? '✓' : '✗'}</span>
            <span>{correct ? t('quizzes.result.correct') : t('quizzes.result.incorrect')}</span>
          </Badge>
          <span className="text-sm font-semibold text-slate-800">
            {t('quizzes.result.pointsAwarded', {
              awarded: outcome?.points_awarded ?? 0,
              points: outcome?.points ?? question.points,
            })}
          </span>
        </div>
      </div>
      <h4 id={`result-${question.id}`} className="text-lg font-semibold whitespace-pre-line text-slate-900" dir="auto">
        {question.prompt}
      </h4>
      {question.kind === 'short' ? (
        <ShortAnswerResult question={question} answer={answer} />
      ) : (
        <ChoicesResult question={question} answer={answer} />
      )}
    </article>
  )
}

function ShortAnswerResult({ question, answer }: { question: Question; answer: AnswerDraft }) {
  const { t } = useTranslation()
  const accepted = question.accepted_answers ?? []
  return (
    <dl className="space-y-2">
      <div>
        <dt className="text-sm font-medium text-slate-600">{t('quizzes.result.yourAnswer')}</dt>
        <dd dir="auto" className="font-medium text-slate-900">
          {answer.text.trim() || <span className="text-slate-600 italic">{t('quizzes.result.noAnswer')}</span>}
        </dd>
      </div>
      {accepted.length > 0 && (
        <div>
          <dt className="text-sm font-medium text-slate-600">
            {accepted.length > 1 ? t('quizzes.result.acceptedAnswers') : t('quizzes.result.correctAnswer')}
          </dt>
          <dd>
            <ul className="flex flex-wrap gap-2">
              {accepted.map((text) => (
                <li key={text} dir="auto" className="rounded bg-brand-50 px-2 py-0.5 text-brand-900">
                  {text}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  )
}

function ChoicesResult({ question, answer }: { question: Question; answer: AnswerDraft }) {
  const { t } = useTranslation()
  const words = { true: t('quizzes.take.true'), false: t('quizzes.take.false') }
  const correctIds = question.correct_choice_ids ?? []
  return (
    <>
      {answer.choiceIds.length === 0 && <p className="text-slate-600 italic">{t('quizzes.result.noAnswer')}</p>}
      <ul className="space-y-2">
        {question.choices.map((choice) => {
          const chosen = answer.choiceIds.includes(choice.id)
          const right = correctIds.includes(choice.id)
          return (
            <li
              key={choice.id}
              className={cn(
                'flex flex-wrap items-center gap-2 rounded-md border px-3 py-2',
                right ? 'border-brand-700 bg-brand-50' : chosen ? 'border-red-700 bg-red-50' : 'border-slate-200',
              )}
            >
              <span dir="auto" className="me-auto">
                {choiceText(question, choice.id, words)}
              </span>
              {chosen && <Badge tone={right ? 'brand' : 'danger'}>{t('quizzes.result.yourAnswer')}</Badge>}
              {right && <Badge tone="brand">{t('quizzes.result.correctAnswer')}</Badge>}
            </li>
          )
        })}
      </ul>
    </>
  )
}
