import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'

import type { Assignment, CourseDetail } from '@/api/types'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

import { lessonTitle } from './course-lessons'
import { formatDateTime } from './due-date'
import { ExportGradesButton } from './export-grades-button'
import { useAssignmentsNav } from './use-assignments-nav'
import { useTutorTimeZone } from './use-tutor-time-zone'

/** Every assignment of the course, drafts included, in deadline order. */
export function AssignmentList({ course, assignments }: { course: CourseDetail; assignments: Assignment[] }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const navigate = useNavigate()
  const timeZone = useTutorTimeZone()
  const newButton = (
    <Button onClick={() => void navigate({ search: nav.newHref })}>
      <span aria-hidden="true">+</span>
      {t('grading.new')}
    </Button>
  )

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{t('grading.title')}</h2>
          <p className="text-sm text-slate-600">{t('grading.timesIn', { zone: timeZone })}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ExportGradesButton slug={course.slug} />
          {assignments.length > 0 && newButton}
        </div>
      </div>
      {assignments.length === 0 ? (
        <EmptyState title={t('grading.empty')} action={newButton}>
          {t('grading.emptyHint')}
        </EmptyState>
      ) : (
        <ul aria-label={t('grading.title')} className="space-y-3">
          {assignments.map((assignment) => (
            <AssignmentListItem key={assignment.id} course={course} assignment={assignment} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </div>
  )
}

function AssignmentListItem({
  course,
  assignment,
  timeZone,
}: {
  course: CourseDetail
  assignment: Assignment
  timeZone: string
}) {
  const { t, i18n } = useTranslation()
  const nav = useAssignmentsNav()
  const lesson = lessonTitle(course, assignment.lesson_id)
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Link to={{ search: nav.assignmentHref(assignment.id) }} className="link text-lg font-semibold" dir="auto">
          {assignment.title}
        </Link>
        <Badge tone={assignment.is_published ? 'brand' : 'neutral'}>
          {assignment.is_published ? t('grading.published') : t('grading.draft')}
        </Badge>
      </div>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex gap-1">
          <dt className="font-medium">{t('grading.due')}</dt>
          <dd>{assignment.due_at ? formatDateTime(assignment.due_at, timeZone, i18n.language) : t('grading.noDue')}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="font-medium">{t('grading.pointsLabel')}</dt>
          <dd>{assignment.points}</dd>
        </div>
        <div className="flex min-w-0 gap-1">
          <dt className="font-medium">{t('grading.lesson')}</dt>
          <dd className="truncate" dir="auto">
            {lesson ?? t('grading.noLesson')}
          </dd>
        </div>
        {assignment.submission_count !== null && (
          <div className="flex gap-1">
            <dt className="font-medium">{t('grading.handedIn')}</dt>
            <dd>
              {t('grading.handedInCounts', {
                count: assignment.submission_count,
                graded: assignment.graded_count ?? 0,
              })}
            </dd>
          </div>
        )}
      </dl>
    </li>
  )
}
