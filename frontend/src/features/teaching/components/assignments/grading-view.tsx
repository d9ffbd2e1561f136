import { useTranslation } from 'react-i18next'

import type { Assignment, SubmissionForTutor } from '@/api/types'
import { Avatar } from '@/components/ui/avatar'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useSubmission } from '../../api/submission-detail'
import { BackLink } from './back-link'
import { formatDateTime } from './due-date'
import { formatScore } from './grade-model'
import { GradeForm } from './grade-form'
import { LateBadge, SubmissionStatusBadge } from './submission-status-badge'
import { SubmissionNav } from './submission-nav'
import { SubmissionWork } from './submission-work'
import { useAssignmentsNav } from './use-assignments-nav'
import { useTutorTimeZone } from './use-tutor-time-zone'

/** Grading one student's work: what they handed in beside the grade form, with previous / next. */
export function GradingView({ assignment, submissionId }: { assignment: Assignment; submissionId: string }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const submission = useSubmission(submissionId)
  const back = (
    <BackLink search={nav.assignmentHref(assignment.id, { page: nav.page, status: nav.status })}>
      {t('grading.backToSubmissions', { title: assignment.title })}
    </BackLink>
  )

  if (submission.isPending) {
    return (
      <div className="space-y-4">
        {back}
        <Skeleton className="h-12 w-64" />
        <Skeleton className="h-64" />
      </div>
    )
  }
  if (submission.isError) {
    return (
      <div className="space-y-4">
        {back}
        <LoadErrorAlert
          title={t('grading.work.loadError')}
          error={submission.error}
          onRetry={() => void submission.refetch()}
        />
      </div>
    )
  }

  const data = submission.data
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        {back}
        <SubmissionNav assignmentId={assignment.id} submissionId={data.id} />
        <SubmissionHeading assignment={assignment} submission={data} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <SubmissionWork submission={data} />
        <section aria-labelledby="grade-heading" className="space-y-3">
          <h3 id="grade-heading" className="font-semibold text-slate-900">
            {t('grading.grade.title')}
          </h3>
          <GradeForm key={data.id} assignment={assignment} submission={data} />
        </section>
      </div>
    </div>
  )
}

function SubmissionHeading({ assignment, submission }: { assignment: Assignment; submission: SubmissionForTutor }) {
  const { t, i18n } = useTranslation()
  const timeZone = useTutorTimeZone()
  const when = (iso: string) => formatDateTime(iso, timeZone, i18n.language)
  return (
    <div className="flex items-start gap-3">
      <Avatar src={submission.student.avatar_url} name={submission.student.full_name} />
      <div className="min-w-0 space-y-1">
        <h2 className="text-xl font-semibold text-slate-900" dir="auto">
          {submission.student.full_name}
        </h2>
        <p className="text-sm text-slate-700">
          {t('grading.work.submittedAt', { date: when(submission.submitted_at), attempt: submission.attempt })}
        </p>
        <p className="flex flex-wrap items-center gap-2">
          <SubmissionStatusBadge status={submission.status} />
          {submission.is_late && <LateBadge />}
          {submission.final_score !== null && (
            <span className="text-sm font-medium text-slate-800">
              {t('grading.work.finalScore', {
                score: formatScore(submission.final_score, i18n.language),
                points: assignment.points,
              })}
            </span>
          )}
        </p>
        {submission.returned_at && (
          <p className="text-sm text-slate-600">{t('grading.work.returnedAt', { date: when(submission.returned_at) })}</p>
        )}
        {submission.status === 'graded' && <p className="text-sm text-slate-600">{t('grading.work.notReturned')}</p>}
      </div>
    </div>
  )
}
