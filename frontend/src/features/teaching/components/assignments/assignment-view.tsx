import { useTranslation } from 'react-i18next'

import type { Assignment, CourseDetail } from '@/api/types'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { notify } from '@/lib/notices'

import { AssignmentForm } from './assignment-form'
import { BackLink } from './back-link'
import { DeleteAssignmentButton } from './delete-assignment-button'
import { formatDateTime } from './due-date'
import { GradingView } from './grading-view'
import { SubmissionsTable } from './submissions-table'
import { useAssignmentsNav } from './use-assignments-nav'
import { useTutorTimeZone } from './use-tutor-time-zone'

/** One assignment: the work handed in, then its settings. With `submissionId`, grading that work. */
export function AssignmentView({
  course,
  assignments,
  assignmentId,
  submissionId,
}: {
  course: CourseDetail
  assignments: Assignment[]
  assignmentId: string
  submissionId: string | null
}) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const assignment = assignments.find((item) => item.id === assignmentId)

  if (!assignment) {
    return (
      <EmptyState
        title={t('grading.notFound')}
        action={<BackLink search={nav.listHref}>{t('grading.backToList')}</BackLink>}
      />
    )
  }
  if (submissionId) return <GradingView key={submissionId} assignment={assignment} submissionId={submissionId} />

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackLink search={nav.listHref}>{t('grading.backToList')}</BackLink>
        <AssignmentHeading assignment={assignment} />
      </div>
      <section aria-labelledby="assignment-submissions" className="space-y-3">
        <h3 id="assignment-submissions" className="text-lg font-semibold text-slate-900">
          {t('grading.submissions.title')}
        </h3>
        <SubmissionsTable assignment={assignment} />
      </section>
      <section aria-labelledby="assignment-settings" className="space-y-3">
        <h3 id="assignment-settings" className="text-lg font-semibold text-slate-900">
          {t('grading.form.editTitle')}
        </h3>
        <AssignmentForm
          key={assignment.id}
          course={course}
          assignments={assignments}
          assignment={assignment}
          onSaved={() => notify(t('grading.form.saved'))}
        />
      </section>
    </div>
  )
}

function AssignmentHeading({ assignment }: { assignment: Assignment }) {
  const { t, i18n } = useTranslation()
  const timeZone = useTutorTimeZone()
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0 space-y-1">
        <h2 className="text-xl font-semibold break-words text-slate-900" dir="auto">
          {assignment.title}
        </h2>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <Badge tone={assignment.is_published ? 'brand' : 'neutral'}>
            {assignment.is_published ? t('grading.published') : t('grading.draft')}
          </Badge>
          <span>
            {assignment.due_at
              ? t('grading.dueOn', { date: formatDateTime(assignment.due_at, timeZone, i18n.language) })
              : t('grading.noDue')}
          </span>
          <span>{t('grading.worth', { count: assignment.points })}</span>
        </p>
      </div>
      <DeleteAssignmentButton assignment={assignment} />
    </div>
  )
}
