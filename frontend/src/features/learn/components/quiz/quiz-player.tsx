import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'

import { useQuiz } from '../../api/get-quiz'
import { useStartQuizAttempt } from '../../api/start-quiz-attempt'
import { AttemptScreen } from './attempt-screen'
import { QuizOverview } from './quiz-overview'

type Screen = { name: 'overview' } | { name: 'attempt'; attemptId: string }

/** The quiz inside the lesson player: its overview, then an attempt being taken or reviewed. */
export function QuizPlayer({ quizId, slug }: { quizId: string; slug: string }) {
  const { t } = useTranslation()
  const quiz = useQuiz(quizId)
  const start = useStartQuizAttempt(quizId)
  const [screen, setScreen] = useState<Screen>({ name: 'overview' })
  const [moved, setMoved] = useState(false)

  const go = (next: Screen) => {
    start.reset()
    setMoved(true)
    setScreen(next)
  }
  const begin = () => start.mutate(undefined, { onSuccess: (attempt) => go({ name: 'attempt', attemptId: attempt.id }) })

  if (quiz.isPending) {
    return (
      <div aria-busy="true" className="space-y-3">
        <p role="status" className="sr-only">
          {t('quizzes.loading')}
        </p>
        <Skeleton className="h-48" />
      </div>
    )
  }
  if (isApiError(quiz.error) && quiz.error.status === 404) return <QuizNotOpen />
  if (quiz.isError) {
    return <LoadErrorAlert title={t('quizzes.loadFailed')} error={quiz.error} onRetry={() => void quiz.refetch()} />
  }
  if (screen.name === 'attempt') {
    return (
      <AttemptScreen
        key={screen.attemptId}
        quiz={quiz.data}
        attemptId={screen.attemptId}
        slug={slug}
        onStart={begin}
        starting={start.isPending}
        startError={start.error}
        onBack={() => go({ name: 'overview' })}
      />
    )
  }
  return (
    <QuizOverview
      quiz={quiz.data}
      onStart={begin}
      starting={start.isPending}
      startError={start.error}
      onReview={(attemptId) => go({ name: 'attempt', attemptId })}
      focusOnMount={moved}
    />
  )
}

/** The lesson has no published quiz behind it yet. */
export function QuizNotOpen() {
  const { t } = useTranslation()
  return <EmptyState title={t('quizzes.notOpenTitle')}>{t('quizzes.notOpenBody')}</EmptyState>
}
