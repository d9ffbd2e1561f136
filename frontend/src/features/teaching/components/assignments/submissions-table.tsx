import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'

import type { Assignment, SubmissionForTutor } from '@/api/types'
import { Avatar } from '@/components/ui/avatar'
import { buttonClasses } from '@/components/ui/button-classes'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/input'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Pagination } from '@/components/ui/pagination'
import { Skeleton } from '@/components/ui/skeleton'

import { SUBMISSIONS_PAGE_SIZE, useSubmissions } from '../../api/submission-list'
import { formatDateTime } from './due-date'
import { formatScore } from './grade-model'
import { LateBadge, SubmissionStatusBadge } from './submission-status-badge'
import { filterSubmissions, STATUS_FILTERS, useAssignmentsNav } from './use-assignments-nav'
import { useTutorTimeZone } from './use-tutor-time-zone'

/** Everyone's latest hand-in for one assignment, with a link to grade each. Scrolls sideways on phones. */
export function SubmissionsTable({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const submissions = useSubmissions(assignment.id, nav.page)

  if (submissions.isPending) return <Skeleton className="h-40" />
  if (submissions.isError) {
    return (
      <LoadErrorAlert
        title={t('grading.submissions.loadError')}
        error={submissions.error}
        onRetry={() => void submissions.refetch()}
      />
    )
  }
  if (submissions.data.count === 0) {
    return (
      <EmptyState title={t('grading.submissions.empty')}>
        {assignment.is_published ? t('grading.submissions.emptyHint') : t('grading.submissions.emptyDraft')}
      </EmptyState>
    )
  }

  const rows = filterSubmissions(submissions.data.results, nav.status)
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-slate-700">{t('grading.submissions.count', { count: submissions.data.count })}</p>
        <StatusFilterSelect assignmentId={assignment.id} />
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('grading.submissions.noneWithStatus')} />
      ) : (
        <SubmissionRows assignment={assignment} rows={rows} />
      )}
      <Pagination
        page={nav.page}
        pageCount={Math.ceil(submissions.data.count / SUBMISSIONS_PAGE_SIZE)}
        hrefFor={(page) => nav.assignmentHref(assignment.id, { page, status: nav.status })}
      />
    </div>
  )
}

function StatusFilterSelect({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation()
  const id = useId()
  const nav = useAssignmentsNav()
  const navigate = useNavigate()
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="font-medium">
        {t('grading.submissions.filter')}
      </label>
      <Select
        id={id}
        className="w-auto"
        value={nav.status}
        onChange={(event) => {
          const status = STATUS_FILTERS.find((value) => value === event.target.value) ?? 'all'
          void navigate({ search: nav.assignmentHref(assignmentId, { page: nav.page, status }) }, { replace: true })
        }}
      >
        {STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {t(`grading.filter.${status}`)}
          </option>
        ))}
      </Select>
    </div>
  )
}

function SubmissionRows({ assignment, rows }: { assignment: Assignment; rows: SubmissionForTutor[] }) {
  const { t, i18n } = useTranslation()
  const nav = useAssignmentsNav()
  const timeZone = useTutorTimeZone()
  const heading = 'px-4 py-3 text-start font-semibold'
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] text-start text-sm">
        <caption className="sr-only">{t('grading.submissions.caption', { title: assignment.title })}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className={heading}>
              {t('grading.submissions.student')}
            </th>
            <th scope="col" className={heading}>
              {t('grading.submissions.submitted')}
            </th>
            <th scope="col" className={heading}>
              {t('grading.submissions.attempt')}
            </th>
            <th scope="col" className={heading}>
              {t('grading.submissions.status')}
            </th>
            <th scope="col" className={heading}>
              {t('grading.submissions.score')}
            </th>
            <th scope="col" className={heading}>
              <span className="sr-only">{t('grading.submissions.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-4 py-3 text-start font-normal">
                <span className="flex items-center gap-3">
                  <Avatar src={row.student.avatar_url} name={row.student.full_name} size="sm" />
                  <span className="font-medium" dir="auto">
                    {row.student.full_name}
                  </span>
                </span>
              </th>
              <td className="px-4 py-3">{formatDateTime(row.submitted_at, timeZone, i18n.language)}</td>
              <td className="px-4 py-3">{row.attempt}</td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  <SubmissionStatusBadge status={row.status} />
                  {row.is_late && <LateBadge />}
                </span>
              </td>
              <td className="px-4 py-3">
                {row.final_score === null
                  ? '—'
                  : t('grading.outOf', {
                      score: formatScore(row.final_score, i18n.language),
                      points: assignment.points,
                    })}
              </td>
              <td className="px-4 py-3 text-end">
                <Link
                  to={{ search: nav.submissionHref(assignment.id, row.id) }}
                  aria-label={t('grading.submissions.gradeWho', { name: row.student.full_name })}
                  className={buttonClasses({ variant: 'secondary', size: 'sm' })}
                >
                  {t('grading.submissions.grade')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
