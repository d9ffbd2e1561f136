import { useTranslation } from 'react-i18next'

import type { CourseDetail } from '@/api/types'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useCourseAssignments } from '../api/assignment-list'
import { AssignmentList } from './assignments/assignment-list'
import { AssignmentView } from './assignments/assignment-view'
import { NewAssignment } from './assignments/new-assignment'
import { useAssignmentsNav } from './assignments/use-assignments-nav'

/** The builder's Assignments tab: create and edit assignments, grade submissions, export grades. */
export function AssignmentsPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const assignments = useCourseAssignments(course.slug)

  if (assignments.isPending) {
    return (
      <div aria-busy="true" className="space-y-3">
        <p role="status" className="sr-only">
          {t('grading.loading')}
        </p>
        <Skeleton className="h-10 w-56" />
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </div>
    )
  }
  if (assignments.isError) {
    return (
      <LoadErrorAlert
        title={t('grading.loadError')}
        error={assignments.error}
        onRetry={() => void assignments.refetch()}
      />
    )
  }
  if (nav.assignment === 'new') return <NewAssignment course={course} assignments={assignments.data} />
  if (nav.assignment) {
    return (
      <AssignmentView
        key={nav.assignment}
        course={course}
        assignments={assignments.data}
        assignmentId={nav.assignment}
        submissionId={nav.submission}
      />
    )
  }
  return <AssignmentList course={course} assignments={assignments.data} />
}
