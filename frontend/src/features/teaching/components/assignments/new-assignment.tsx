import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

import type { Assignment, CourseDetail } from '@/api/types'
import { notify } from '@/lib/notices'

import { AssignmentForm } from './assignment-form'
import { BackLink } from './back-link'
import { useAssignmentsNav } from './use-assignments-nav'

/** The create form; once saved, the new assignment's own page replaces it in the history. */
export function NewAssignment({ course, assignments }: { course: CourseDetail; assignments: Assignment[] }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const navigate = useNavigate()
  return (
    <div className="space-y-4">
      <BackLink search={nav.listHref}>{t('grading.backToList')}</BackLink>
      <h2 className="text-xl font-semibold text-slate-900">{t('grading.form.newTitle')}</h2>
      <AssignmentForm
        course={course}
        assignments={assignments}
        onSaved={(saved) => {
          notify(t('grading.form.created'))
          void navigate({ search: nav.assignmentHref(saved.id) }, { replace: true })
        }}
      />
    </div>
  )
}
