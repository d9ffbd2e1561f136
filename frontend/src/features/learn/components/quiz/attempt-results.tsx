import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { Attempt, QuizDetail } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useAuth } from '@/lib/auth/auth-context'

import { answerFor, answersFromApi } from '../../utils/quiz-answers'
import { formatAttemptDate, formatPercent } from '../../utils/quiz-format'
import { PassBadge } from './pass-badge'
import { QuestionResult } from './question-result'
import { quizErrorMessage } from './quiz-error-message'
import type { ResultNotice } from './result-notice'

/** A submitted attempt: the score, pass or not, every question with the right answer, and what next. */
export function AttemptResults({
  attempt,
  quiz,
  notice,
  onStart,
  starting,
  startError,
  onBack,
}: {
  attempt: Attempt
  quiz: QuizDetail
  notice: ResultNotice | null
  onStart: () => void
  starting: boolean
  startError: unknown
  onBack: () => void
}) {
  const { t, i18n } = useTranslation()
  const { user } = useAuth()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])

  const answers = answersFromApi(attempt.answers)
  const viewer = quiz.viewer
  // Until the standing is refetched it may still name this attempt as the open one.
  const canResume = Boolean(viewer?.open_attempt_id && viewer.open_attempt_id !== attempt.id)
  const canRetry = !canResume && (viewer?.attempts_left ?? 0) > 0
  const submittedAt = attempt.submitted_at ?? attempt.started_at

  return (
    <section aria-labelledby={`result-heading-${attempt.id}`} className="space-y-6">
      {notice && <Alert tone="info">{t(`quizzes.result.${notice}`)}</Alert>}
      <Card className="space-y-4">
        <div>
          <h2
            id={`result-heading-${attempt.id}`}
            ref={headingRef}
            tabIndex={-1}
            className="text-xl font-bold text-slate-900"
          >
            {t('quizzes.result.heading')}
          </h2>
          <p className="text-sm text-slate-600">
            <span dir="auto">{quiz.title}</span> · {t('quizzes.attempts.number', { number: attempt.number })} ·{' '}
            {t('quizzes.attempts.submittedAt', {
              date: formatAttemptDate(submittedAt, i18n.language, user?.timezone),
            })}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="text-3xl font-bold text-slate-900">
            <span className="sr-only">{t('quizzes.result.score')}: </span>
            <bdi dir="ltr">
              {t('quizzes.result.scoreOf', { score: attempt.score_points ?? 0, max: attempt.max_points ?? 0 })}
            </bdi>
          </p>
          {attempt.score_percent !== null && (
            <p className="text-xl font-semibold text-slate-700">{formatPercent(attempt.score_percent, i18n.language)}</p>
          )}
          <PassBadge passed={attempt.passed === true} />
        </div>
        <p className="text-slate-700">
          {t('quizzes.result.passingScore', { percent: formatPercent(quiz.passing_score_percent, i18n.language) })}
        </p>
        {startError ? <Alert tone="error">{quizErrorMessage(t, startError)}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          {canResume && (
            <Button onClick={onStart} loading={starting} loadingText={t('quizzes.opening')}>
              {t('quizzes.resume')}
            </Button>
          )}
          {canRetry && (
            <Button onClick={onStart} loading={starting} loadingText={t('quizzes.opening')}>
              {t('quizzes.tryAgain')}
            </Button>
          )}
          <Button variant="secondary" onClick={onBack}>
            {t('quizzes.backToQuiz')}
          </Button>
        </div>
      </Card>

      <section aria-labelledby={`result-answers-${attempt.id}`} className="space-y-4">
        <h3 id={`result-answers-${attempt.id}`} className="text-lg font-semibold text-slate-900">
          {t('quizzes.result.answers')}
        </h3>
        <ol className="space-y-4">
          {attempt.questions.map((question, index) => (
            <li key={question.id}>
              <QuestionResult
                question={question}
                number={index + 1}
                total={attempt.questions.length}
                answer={answerFor(answers, question.id)}
                outcome={attempt.results?.find((result) => result.question_id === question.id)}
              />
            </li>
          ))}
        </ol>
      </section>
    </section>
  )
}
