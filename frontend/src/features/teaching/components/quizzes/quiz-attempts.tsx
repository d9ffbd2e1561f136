import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { AttemptSummary } from '@/api/types'
import { Avatar } from '@/components/ui/avatar'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Pagination } from '@/components/ui/pagination'
import { Skeleton } from '@/components/ui/skeleton'
import { localeOf } from '@/lib/i18n'

import { QUIZ_ATTEMPTS_PAGE_SIZE, useQuizAttempts } from '../../api/quiz-attempts'
import { useQuizNavigation } from './use-quiz-navigation'

function Result({ attempt }: { attempt: AttemptSummary }) {
  const { t } = useTranslation()
  if (attempt.status === 'open') return <Badge tone="info">{t('quizBuilder.attempts.inProgress')}</Badge>
  return attempt.passed ? (
    <Badge tone="brand">{t('quizBuilder.attempts.passed')}</Badge>
  ) : (
    <Badge tone="danger">{t('quizBuilder.attempts.notPassed')}</Badge>
  )
}

function AttemptRow({ attempt }: { attempt: AttemptSummary }) {
  const { t, i18n } = useTranslation()
  const locale = localeOf(i18n.language)
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  return (
    <tr>
      <th scope="row" className="px-4 py-3 text-start font-normal">
        <span className="flex items-center gap-3">
          <Avatar src={attempt.student.avatar_url} name={attempt.student.full_name} size="sm" />
          <bdi className="font-medium">{attempt.student.full_name}</bdi>
        </span>
      </th>
      <td className="px-4 py-3">{attempt.number}</td>
      <td className="px-4 py-3">
        {attempt.submitted_at ? (
          <time dateTime={attempt.submitted_at}>{when.format(new Date(attempt.submitted_at))}</time>
        ) : (
          '—'
        )}
      </td>
      <td className="px-4 py-3">
        {attempt.score_percent === null ? (
          '—'
        ) : (
          <>
            {percent.format(Number(attempt.score_percent) / 100)}
            {attempt.max_points !== null && (
              <span className="block text-slate-600">
                {t('quizBuilder.attempts.points', { score: attempt.score_points ?? 0, max: attempt.max_points })}
              </span>
            )}
          </>
        )}
      </td>
      <td className="px-4 py-3">
        <Result attempt={attempt} />
      </td>
    </tr>
  )
}

/** Every student's attempts at the quiz, newest first as the server lists them; read only. */
export function QuizAttempts({ quizId }: { quizId: string }) {
  const { t } = useTranslation()
  const headingId = useId()
  const nav = useQuizNavigation()
  const attempts = useQuizAttempts(quizId, nav.attemptsPage)

  const body = (() => {
    if (attempts.isPending) return <Skeleton className="h-32" />
    if (attempts.isError) {
      return (
        <LoadErrorAlert
          title={t('quizBuilder.attempts.loadError')}
          error={attempts.error}
          onRetry={() => void attempts.refetch()}
        />
      )
    }
    if (attempts.data.count === 0) return <EmptyState title={t('quizBuilder.attempts.empty')} />
    const columns = [
      t('quizBuilder.attempts.student'),
      t('quizBuilder.attempts.number'),
      t('quizBuilder.attempts.submitted'),
      t('quizBuilder.attempts.score'),
      t('quizBuilder.attempts.result'),
    ]
    return (
      <>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[36rem] text-start text-sm">
            <caption className="sr-only">{t('quizBuilder.attempts.caption')}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className="px-4 py-3 text-start font-semibold">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {attempts.data.results.map((attempt) => (
                <AttemptRow key={attempt.id} attempt={attempt} />
              ))}
            </tbody>
          </table>
        </div>
        <Pagination
          page={nav.attemptsPage}
          pageCount={Math.ceil(attempts.data.count / QUIZ_ATTEMPTS_PAGE_SIZE)}
          hrefFor={(page) => nav.attemptsPageSearch(page)}
        />
      </>
    )
  })()

  return (
    <Card>
      <section aria-labelledby={headingId} className="space-y-4">
        <div>
          <h3 id={headingId} className="text-lg font-semibold">
            {t('quizBuilder.attempts.title')}
          </h3>
          {attempts.data && attempts.data.count > 0 && (
            <p className="text-sm text-slate-700">{t('quizBuilder.attempts.count', { count: attempts.data.count })}</p>
          )}
        </div>
        {body}
      </section>
    </Card>
  )
}
