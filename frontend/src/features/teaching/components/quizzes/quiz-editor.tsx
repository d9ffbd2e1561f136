import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { CourseDetail, QuizCreateBody, QuizDetail } from '@/api/types'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'

import { useQuizDetail } from '../../api/quiz-detail'
import { useCourseQuizzes } from '../../api/quiz-list'
import { useUpdateQuiz } from '../../api/quiz-update'
import { quizSettingsValues } from '../../utils/quiz-settings-model'
import { BackToQuizzes } from './back-to-quizzes'
import { QuizActions } from './quiz-actions'
import { QuizAttempts } from './quiz-attempts'
import { QuizBadges, QuizFacts } from './quiz-facts'
import { QuizQuestions } from './quiz-questions'
import { QuizSettingsForm } from './quiz-settings-form'

function QuizSettings({ course, quiz }: { course: CourseDetail; quiz: QuizDetail }) {
  const { t } = useTranslation()
  const headingId = useId()
  const update = useUpdateQuiz(quiz.id, quiz.lesson_id)
  const quizzes = useCourseQuizzes(course.slug)
  const onSubmit = async (body: QuizCreateBody) => {
    await update.mutateAsync(body)
    notify(t('quizBuilder.settings.saved'))
  }
  return (
    <Card>
      <section aria-labelledby={headingId} className="space-y-4">
        <h3 id={headingId} className="text-lg font-semibold">
          {t('quizBuilder.settings.heading')}
        </h3>
        <QuizSettingsForm
          course={course}
          quizzes={quizzes.data ?? []}
          quizId={quiz.id}
          initial={quizSettingsValues(quiz)}
          pending={update.isPending}
          error={update.error}
          onSubmit={onSubmit}
        />
      </section>
    </Card>
  )
}

/** One quiz: publish or delete it, change its settings, build its questions and see who took it. */
export function QuizEditor({ course, quizId }: { course: CourseDetail; quizId: string }) {
  const { t } = useTranslation()
  const quiz = useQuizDetail(quizId)

  if (quiz.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="sr-only">
          {t('quizBuilder.loading')}
        </p>
        <Skeleton className="h-24" />
        <Skeleton className="h-96" />
      </div>
    )
  }
  if (quiz.isError) {
    const gone = isApiError(quiz.error) && quiz.error.status === 404
    return (
      <div className="space-y-4">
        <BackToQuizzes />
        {gone ? (
          <EmptyState title={t('quizBuilder.notFound')} />
        ) : (
          <LoadErrorAlert title={t('quizBuilder.loadError')} error={quiz.error} onRetry={() => void quiz.refetch()} />
        )}
      </div>
    )
  }

  const data = quiz.data
  return (
    <div className="space-y-6">
      <BackToQuizzes />
      <div className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 className="min-w-0 text-xl font-semibold break-words" dir="auto">
            {data.title}
          </h2>
          <QuizBadges quiz={data} />
        </div>
        <QuizFacts quiz={data} />
        <QuizActions slug={course.slug} quiz={data} />
      </div>
      <QuizQuestions slug={course.slug} quiz={data} />
      <QuizSettings key={data.id} course={course} quiz={data} />
      <QuizAttempts quizId={data.id} />
    </div>
  )
}
