import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { CourseDetail, Quiz } from '@/api/types'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useCourseQuizzes } from '../../api/quiz-list'
import { QuizBadges, QuizFacts } from './quiz-facts'
import { useQuizNavigation } from './use-quiz-navigation'

function lessonTitles(course: CourseDetail): Map<string, string> {
  return new Map(course.sections.flatMap((section) => section.lessons.map((lesson) => [lesson.id, lesson.title])))
}

function QuizRow({ quiz, lessonTitle, search }: { quiz: Quiz; lessonTitle: string | null; search: string }) {
  const { t } = useTranslation()
  return (
    <li className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 text-lg font-semibold break-words">
          <Link to={{ search }} className="link" dir="auto">
            {quiz.title}
          </Link>
        </h3>
        <QuizBadges quiz={quiz} />
      </div>
      <QuizFacts quiz={quiz} />
      <p className="text-sm text-slate-700">
        {lessonTitle ? (
          <>
            {t('quizBuilder.list.opensFrom')} <bdi className="font-medium">{lessonTitle}</bdi>
          </>
        ) : (
          t('quizBuilder.list.notInSyllabus')
        )}
      </p>
    </li>
  )
}

/** Every quiz of the course, drafts included, with a way to start a new one. */
export function QuizList({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const nav = useQuizNavigation()
  const quizzes = useCourseQuizzes(course.slug)
  const titles = useMemo(() => lessonTitles(course), [course])
  const headingId = useId()
  const newQuiz = <Button onClick={() => nav.openQuiz('new')}>{t('quizBuilder.list.new')}</Button>

  if (quizzes.isPending) {
    return (
      <div aria-busy="true" className="space-y-3">
        <p role="status" className="sr-only">
          {t('quizBuilder.list.loading')}
        </p>
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
      </div>
    )
  }
  if (quizzes.isError) {
    return (
      <LoadErrorAlert
        title={t('quizBuilder.list.loadError')}
        error={quizzes.error}
        onRetry={() => void quizzes.refetch()}
      />
    )
  }
  if (quizzes.data.length === 0) {
    return (
      <EmptyState title={t('quizBuilder.list.empty')} action={newQuiz}>
        {t('quizBuilder.list.emptyHint')}
      </EmptyState>
    )
  }
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-xl font-semibold">
            {t('quizBuilder.title')}
          </h2>
          <p className="text-slate-700">{t('quizBuilder.list.intro')}</p>
        </div>
        {newQuiz}
      </div>
      <ul className="space-y-3">
        {quizzes.data.map((quiz) => (
          <QuizRow
            key={quiz.id}
            quiz={quiz}
            lessonTitle={quiz.lesson_id ? (titles.get(quiz.lesson_id) ?? null) : null}
            search={nav.searchFor(quiz.id)}
          />
        ))}
      </ul>
    </section>
  )
}
