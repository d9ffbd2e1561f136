import { useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { useCourse } from '@/api/get-course'
import { Alert } from '@/components/ui/alert'
import { Card } from '@/components/ui/card'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { useAuth } from '@/lib/auth/auth-context'

import { useAssignment } from '../../api/get-assignment'
import { useMySubmission } from '../../api/get-my-submission'
import { AssignmentDetails } from './assignment-details'
import { useNow, useViewerTimeZone } from './dates'
import { handInState } from './deadline'
import { HandInForm } from './hand-in-form'
import { SubmissionSummary } from './submission-summary'

function PanelSkeleton() {
  const { t } = useTranslation()
  return (
    <Card aria-busy="true" className="space-y-3">
      <p role="status" className="sr-only">
        {t('assignments.loading')}
      </p>
      <Skeleton className="h-7 w-2/3" />
      <Skeleton className="h-24" />
      <Skeleton className="h-40" />
    </Card>
  )
}

/** An open assignment: what is asked and, for enrolled students, their work, grade and hand-in. */
export function AssignmentPanel({ assignmentId, courseSlug }: { assignmentId: string; courseSlug: string }) {
  const { t } = useTranslation()
  const { status } = useAuth()
  const course = useCourse(courseSlug)
  const viewer = course.data?.viewer
  const student = status === 'authenticated' && viewer?.is_enrolled === true
  const assignment = useAssignment(assignmentId)
  const submission = useMySubmission(assignmentId, { enabled: student })
  const now = useNow()
  const timeZone = useViewerTimeZone()
  const submissionHeading = useRef<HTMLHeadingElement>(null)

  if (assignment.isPending || course.isPending || (student && submission.isPending)) return <PanelSkeleton />
  if (assignment.isError) {
    return (
      <LoadErrorAlert
        title={t('assignments.loadError')}
        error={assignment.error}
        onRetry={() => void assignment.refetch()}
      />
    )
  }
  const data = assignment.data
  const mine = submission.data ?? null
  const handIn = handInState(data, mine, now)

  return (
    <Card className="space-y-8">
      <AssignmentDetails assignment={data} now={now} timeZone={timeZone} />
      {!student ? (
        viewer?.can_edit ? (
          <Alert tone="info">{t('assignments.viewer.tutor')}</Alert>
        ) : (
          <Alert tone="info" title={t('assignments.viewer.enrolTitle')}>
            {t('assignments.viewer.enrolBody')}
          </Alert>
        )
      ) : submission.isError ? (
        <LoadErrorAlert
          title={t('assignments.submission.loadError')}
          error={submission.error}
          onRetry={() => void submission.refetch()}
        />
      ) : (
        <>
          <SubmissionSummary assignment={data} submission={mine} timeZone={timeZone} headingRef={submissionHeading} />
          {handIn.open ? (
            <HandInForm
              key={mine?.id ?? 'first'}
              assignment={data}
              submission={mine}
              late={handIn.late}
              onSubmitted={() => submissionHeading.current?.focus()}
            />
          ) : (
            <Alert tone="warning" title={t('assignments.closed.title')}>
              {t(`assignments.closed.${handIn.reason}`)}
            </Alert>
          )}
        </>
      )}
    </Card>
  )
}
