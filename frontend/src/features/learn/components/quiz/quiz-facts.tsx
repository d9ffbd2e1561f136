import { useTranslation } from 'react-i18next'

import type { QuizDetail } from '@/api/types'
import { formatDuration } from '@/lib/format-duration'

import { formatPercent } from '../../utils/quiz-format'

/** The quiz's rules at a glance: questions, points, time, attempts, pass mark, certificate. */
export function QuizFacts({ quiz }: { quiz: QuizDetail }) {
  const { t, i18n } = useTranslation()
  const facts: Array<[string, string]> = [
    [t('quizzes.facts.questions'), String(quiz.question_count)],
    [t('quizzes.facts.points'), String(quiz.total_points)],
    [
      t('quizzes.facts.timeLimit'),
      quiz.time_limit_seconds ? formatDuration(t, quiz.time_limit_seconds) : t('quizzes.facts.noTimeLimit'),
    ],
    [
      t('quizzes.facts.attempts'),
      quiz.viewer
        ? t('quizzes.facts.attemptsUsed', { used: quiz.viewer.attempts_used, allowed: quiz.attempts_allowed })
        : String(quiz.attempts_allowed),
    ],
    [t('quizzes.facts.passingScore'), formatPercent(quiz.passing_score_percent, i18n.language)],
    [
      t('quizzes.facts.certificate'),
      quiz.required_for_certificate ? t('quizzes.facts.countsForCertificate') : t('quizzes.facts.notForCertificate'),
    ],
  ]
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {facts.map(([term, value]) => (
        <div key={term} className="rounded-md bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">{term}</dt>
          <dd className="font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
