import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { QuizDetail } from '@/api/types'
import { Button } from '@/components/ui/button'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useAttempt } from '../../api/get-attempt'
import { AttemptResults } from './attempt-results'
import type { ResultNotice } from './result-notice'
import { TakeAttempt } from './take-attempt'

/** One attempt: answered while it is open, its results once submitted (the server decides which). */
export function AttemptScreen({
  quiz,
  attemptId,
  slug,
  onStart,
  starting,
  startError,
  onBack,
}: {
  quiz: QuizDetail
  attemptId: string
  slug: string
  onStart: () => void
  starting: boolean
  startError: unknown
  onBack: () => void
}) {
  const { t } = useTranslation()
  const attempt = useAttempt(attemptId)
  const [notice, setNotice] = useState<ResultNotice | null>(null)

  if (attempt.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="sr-only">
          {t('common.loading')}
        </p>
        <Skeleton className="h-16" />
        <Skeleton className="h-48" />
      </div>
    )
  }
  if (attempt.isError) {
    return (
      <div className="space-y-3">
        <LoadErrorAlert title={t('quizzes.loadFailed')} error={attempt.error} onRetry={() => void attempt.refetch()} />
        <Button variant="secondary" onClick={onBack}>
          {t('quizzes.backToQuiz')}
        </Button>
      </div>
    )
  }
  if (attempt.data.status === 'open') {
    return (
      <TakeAttempt
        key={attempt.data.id}
        attempt={attempt.data}
        receivedAt={attempt.dataUpdatedAt}
        quizId={quiz.id}
        slug={slug}
        title={quiz.title}
        onNotice={setNotice}
      />
    )
  }
  return (
    <AttemptResults
      attempt={attempt.data}
      quiz={quiz}
      notice={notice}
      onStart={onStart}
      starting={starting}
      startError={startError}
      onBack={onBack}
    />
  )
}
