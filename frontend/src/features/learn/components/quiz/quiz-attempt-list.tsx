import { useTranslation } from 'react-i18next'

import type { AttemptSummary } from '@/api/types'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { useAuth } from '@/lib/auth/auth-context'

import { useQuizAttempts } from '../../api/get-quiz-attempts'
import { formatAttemptDate, formatPercent } from '../../utils/quiz-format'
import { PassBadge } from './pass-badge'

/** The student's past attempts with their scores; submitted ones open their results. */
export function QuizAttemptList({ quizId, onReview }: { quizId: string; onReview: (attemptId: string) => void }) {
  const { t } = useTranslation()
  const attempts = useQuizAttempts(quizId)

  if (attempts.isPending) return <Skeleton className="h-24" />
  if (attempts.isError) {
    return (
      <LoadErrorAlert
        title={t('quizzes.attempts.loadFailed')}
        error={attempts.error}
        onRetry={() => void attempts.refetch()}
      />
    )
  }
  if (attempts.data.results.length === 0) return null
  return (
    <section aria-labelledby={`attempts-${quizId}`} className="space-y-3">
      <h3 id={`attempts-${quizId}`} className="text-lg font-semibold text-slate-900">
        {t('quizzes.attempts.title')}
      </h3>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {[...attempts.data.results]
          .sort((a, b) => b.number - a.number)
          .map((attempt) => (
            <AttemptRow key={attempt.id} attempt={attempt} onReview={onReview} />
          ))}
      </ul>
    </section>
  )
}

function AttemptRow({ attempt, onReview }: { attempt: AttemptSummary; onReview: (attemptId: string) => void }) {
  const { t, i18n } = useTranslation()
  const { user } = useAuth()
  const submitted = attempt.status === 'submitted'
  const when = formatAttemptDate(attempt.submitted_at ?? attempt.started_at, i18n.language, user?.timezone)
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 p-3 sm:px-4">
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-slate-900">{t('quizzes.attempts.number', { number: attempt.number })}</p>
        <p className="text-sm text-slate-600">
          {submitted ? t('quizzes.attempts.submittedAt', { date: when }) : t('quizzes.attempts.startedAt', { date: when })}
        </p>
      </div>
      {submitted ? (
        <>
          <p className="font-semibold text-slate-900">
            <bdi dir="ltr">
              {t('quizzes.result.scoreOf', { score: attempt.score_points ?? 0, max: attempt.max_points ?? 0 })}
            </bdi>
            {attempt.score_percent !== null && (
              <span className="ms-2 font-normal text-slate-700">
                ({formatPercent(attempt.score_percent, i18n.language)})
              </span>
            )}
          </p>
          <PassBadge passed={attempt.passed === true} />
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onReview(attempt.id)}
            aria-label={t('quizzes.attempts.reviewNamed', { number: attempt.number })}
          >
            {t('quizzes.attempts.review')}
          </Button>
        </>
      ) : (
        <Badge tone="accent">{t('quizzes.attempts.inProgress')}</Badge>
      )}
    </li>
  )
}
