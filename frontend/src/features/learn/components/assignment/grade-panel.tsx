import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import type { Assignment, Submission } from '@/api/types'

import { formatScore } from './score'

/** The returned grade: the score that counts, any late penalty, marks per rubric criterion and feedback. */
export function GradePanel({ assignment, submission }: { assignment: Assignment; submission: Submission }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const final = submission.final_score ?? submission.score
  if (final === null) return null
  const points = formatScore(String(assignment.points), i18n.language)
  const penalised =
    submission.score !== null && submission.final_score !== null && submission.score !== submission.final_score
  const criteria = assignment.rubric.filter((criterion) => criterion.id in submission.rubric_scores)
  const unknown = Object.keys(submission.rubric_scores).filter(
    (id) => !assignment.rubric.some((criterion) => criterion.id === id),
  )
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-md border border-brand-700 bg-brand-50 p-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h3 id={headingId} className="text-lg font-semibold">
          {t('assignments.grade.heading')}
        </h3>
        <p className="text-2xl font-bold text-brand-900">
          <bdi dir="ltr">
            {formatScore(final, i18n.language)} / {points}
          </bdi>
        </p>
      </div>
      {penalised && submission.score !== null && (
        <p className="text-slate-800">
          {t('assignments.grade.beforePenalty', {
            score: formatScore(submission.score, i18n.language),
            points,
            percent: assignment.late_penalty_percent,
          })}
        </p>
      )}
      {(criteria.length > 0 || unknown.length > 0) && (
        <table className="w-full border-collapse text-start">
          <caption className="mb-2 text-start font-semibold">{t('assignments.grade.rubric')}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-sm text-slate-700">
              <th scope="col" className="py-2 pe-3 text-start font-medium">
                {t('assignments.grade.criterion')}
              </th>
              <th scope="col" className="py-2 text-end font-medium">
                {t('assignments.grade.marks')}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion.id} className="border-b border-slate-200 last:border-0">
                <th scope="row" className="py-2 pe-3 text-start font-normal" dir="auto">
                  {criterion.title}
                </th>
                <td className="py-2 text-end whitespace-nowrap">
                  <bdi dir="ltr">
                    {formatScore(submission.rubric_scores[criterion.id] ?? '0', i18n.language)} /{' '}
                    {formatScore(String(criterion.points), i18n.language)}
                  </bdi>
                </td>
              </tr>
            ))}
            {unknown.map((id) => (
              <tr key={id} className="border-b border-slate-200 last:border-0">
                <th scope="row" className="py-2 pe-3 text-start font-normal">
                  {id}
                </th>
                <td className="py-2 text-end whitespace-nowrap">
                  <bdi dir="ltr">{formatScore(submission.rubric_scores[id] ?? '0', i18n.language)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="space-y-1">
        <h4 className="font-semibold">{t('assignments.grade.feedback')}</h4>
        {submission.feedback ? (
          <p className="whitespace-pre-wrap break-words" dir="auto">
            {submission.feedback}
          </p>
        ) : (
          <p className="text-slate-700">{t('assignments.grade.noFeedback')}</p>
        )}
      </div>
    </section>
  )
}
