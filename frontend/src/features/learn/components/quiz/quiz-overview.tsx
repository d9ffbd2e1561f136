import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { QuizDetail, QuizViewer } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { formatDuration } from '@/lib/format-duration'

import { useQuizAttempts } from '../../api/get-quiz-attempts'
import { formatPercent } from '../../utils/quiz-format'
import { PassBadge } from './pass-badge'
import { QuizAttemptList } from './quiz-attempt-list'
import { quizErrorMessage } from './quiz-error-message'
import { QuizFacts } from './quiz-facts'

/** Before an attempt: the rules, the student's standing, "Start quiz" / "Resume quiz" and past attempts. */
export function QuizOverview({
  quiz,
  onStart,
  starting,
  startError,
  onReview,
  focusOnMount,
}: {
  quiz: QuizDetail
  onStart: () => void
  starting: boolean
  startError: unknown
  onReview: (attemptId: string) => void
  focusOnMount: boolean
}) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus()
  }, [focusOnMount])
  const viewer = quiz.viewer

  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-bold text-slate-900" dir="auto">
          {quiz.title}
        </h2>
        {quiz.instructions && (
          <p className="whitespace-pre-line text-slate-800" dir="auto">
            {quiz.instructions}
          </p>
        )}
        <QuizFacts quiz={quiz} />
        {viewer ? (
          <>
            <Standing quizId={quiz.id} viewer={viewer} />
            {startError ? <Alert tone="error">{quizErrorMessage(t, startError)}</Alert> : null}
            {viewer.open_attempt_id ? (
              <Button size="lg" onClick={onStart} loading={starting} loadingText={t('quizzes.opening')}>
                {t('quizzes.resume')}
              </Button>
            ) : viewer.attempts_left > 0 ? (
              <Button size="lg" onClick={onStart} loading={starting} loadingText={t('quizzes.opening')}>
                {t('quizzes.start')}
              </Button>
            ) : null}
          </>
        ) : (
          <Alert tone="info">{t('quizzes.standing.tutorView')}</Alert>
        )}
      </Card>
      {viewer && viewer.attempts_used > 0 && <QuizAttemptList quizId={quiz.id} onReview={onReview} />}
    </div>
  )
}

/** Best score, passed or not, attempts left, and a reminder of an attempt still open. */
function Standing({ quizId, viewer }: { quizId: string; viewer: QuizViewer }) {
  const { t, i18n } = useTranslation()
  return (
    <div className="space-y-3">
      {viewer.attempts_used === 0 ? (
        <p className="text-slate-700">{t('quizzes.standing.notTaken')}</p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          {viewer.best_score_percent !== null && (
            <p className="font-semibold text-slate-900">
              {t('quizzes.standing.best', { percent: formatPercent(viewer.best_score_percent, i18n.language) })}
            </p>
          )}
          {(viewer.best_score_percent !== null || viewer.passed) && <PassBadge passed={viewer.passed} />}
        </div>
      )}
      {viewer.open_attempt_id ? (
        <OpenAttemptNotice quizId={quizId} attemptId={viewer.open_attempt_id} />
      ) : (
        <p className="text-slate-700">
          {viewer.attempts_left > 0
            ? t('quizzes.standing.attemptsLeft', { count: viewer.attempts_left })
            : t('quizzes.standing.noAttemptsLeft')}
        </p>
      )}
    </div>
  )
}

/** The attempt still open, with roughly how long is left on it (from the attempts list). */
function OpenAttemptNotice({ quizId, attemptId }: { quizId: string; attemptId: string }) {
  const { t } = useTranslation()
  const attempts = useQuizAttempts(quizId)
  const open = attempts.data?.results.find((attempt) => attempt.id === attemptId)
  const secondsLeft = open?.seconds_left ?? null
  return (
    <Alert tone="warning">
      {secondsLeft !== null && secondsLeft > 0
        ? t('quizzes.standing.inProgressTime', { time: formatDuration(t, secondsLeft) })
        : t('quizzes.standing.inProgress')}
    </Alert>
  )
}
