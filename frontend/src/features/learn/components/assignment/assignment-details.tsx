import { useTranslation } from 'react-i18next'

import type { Assignment } from '@/api/types'
import { ServerHtml } from '@/components/ui/server-html'

import { formatDateTime, formatRelative } from './dates'
import { kindsText } from './kinds-text'

/** The assignment as set: deadline (with how far off it is), points, late policy, file rules, instructions. */
export function AssignmentDetails({
  assignment,
  now,
  timeZone,
}: {
  assignment: Assignment
  now: number
  timeZone: string | undefined
}) {
  const { t, i18n } = useTranslation()
  const due = assignment.due_at
  const past = due !== null && Date.parse(due) < now
  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold" dir="auto">
        {assignment.title}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t('assignments.details.due')}</dt>
        <dd>
          {due ? (
            <>
              <time dateTime={due}>{formatDateTime(due, i18n.language, timeZone)}</time>{' '}
              <span className={past ? 'font-medium text-red-800' : 'text-slate-700'}>
                ({past
                  ? t('assignments.details.duePast', { when: formatRelative(due, now, i18n.language) })
                  : t('assignments.details.dueFuture', { when: formatRelative(due, now, i18n.language) })})
              </span>
            </>
          ) : (
            t('assignments.details.noDue')
          )}
        </dd>
        <dt className="font-medium text-slate-700">{t('assignments.details.pointsLabel')}</dt>
        <dd>{t('assignments.details.points', { count: assignment.points })}</dd>
        {due && (
          <>
            <dt className="font-medium text-slate-700">{t('assignments.details.latePolicy')}</dt>
            <dd>
              {assignment.late_policy === 'reject'
                ? t('assignments.late.reject')
                : assignment.late_policy === 'penalty' && assignment.late_penalty_percent > 0
                  ? t('assignments.late.penalty', { percent: assignment.late_penalty_percent })
                  : t('assignments.late.accept')}
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t('assignments.details.files')}</dt>
        <dd>
          {assignment.max_files > 0
            ? t('assignments.details.filesRule', {
                kinds: kindsText(t, i18n.language, assignment),
                max: t('assignments.files.max', { count: assignment.max_files }),
              })
            : t('assignments.files.textOnly')}
        </dd>
      </dl>
      {assignment.instructions_html && (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">{t('assignments.details.instructions')}</h3>
          <ServerHtml html={assignment.instructions_html} />
        </div>
      )}
    </div>
  )
}
