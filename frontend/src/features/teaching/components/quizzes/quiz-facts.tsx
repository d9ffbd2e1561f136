import { useTranslation } from 'react-i18next'

import type { Quiz } from '@/api/types'
import { Badge } from '@/components/ui/badge'
import { formatDuration } from '@/lib/format-duration'

/** Published or draft, and whether passing counts towards the certificate. */
export function QuizBadges({ quiz }: { quiz: Quiz }) {
  const { t } = useTranslation()
  return (
    <span className="flex flex-wrap gap-2">
      <Badge tone={quiz.is_published ? 'brand' : 'neutral'}>
        {quiz.is_published ? t('quizBuilder.status.published') : t('quizBuilder.status.draft')}
      </Badge>
      {quiz.required_for_certificate && <Badge tone="accent">{t('quizBuilder.requiredBadge')}</Badge>}
    </span>
  )
}

/** Questions, points, time limit, attempts and pass mark of a quiz, as a compact list of terms. */
export function QuizFacts({ quiz }: { quiz: Quiz }) {
  const { t } = useTranslation()
  const facts = [
    { term: t('quizBuilder.facts.questions'), value: t('quizBuilder.facts.questionCount', { count: quiz.question_count }) },
    { term: t('quizBuilder.facts.points'), value: t('quizBuilder.facts.pointCount', { count: quiz.total_points }) },
    {
      term: t('quizBuilder.facts.timeLimit'),
      value: quiz.time_limit_seconds ? formatDuration(t, quiz.time_limit_seconds) : t('quizBuilder.facts.noTimeLimit'),
    },
    { term: t('quizBuilder.facts.attempts'), value: String(quiz.attempts_allowed) },
    { term: t('quizBuilder.facts.passMark'), value: t('quizBuilder.facts.percent', { value: quiz.passing_score_percent }) },
  ]
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
      {facts.map((fact) => (
        <div key={fact.term} className="min-w-0">
          <dt className="text-slate-600">{fact.term}</dt>
          <dd className="font-medium text-slate-900">{fact.value}</dd>
        </div>
      ))}
    </dl>
  )
}
