import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { buttonClasses } from '@/components/ui/button-classes'

import { useSubmissions } from '../../api/submission-list'
import { filterSubmissions, useAssignmentsNav } from './use-assignments-nav'

/** Previous / next submission in the table the tutor came from (same page and filter). */
export function SubmissionNav({ assignmentId, submissionId }: { assignmentId: string; submissionId: string }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const list = useSubmissions(assignmentId, nav.page)
  const rows = filterSubmissions(list.data?.results ?? [], nav.status)
  const index = rows.findIndex((row) => row.id === submissionId)
  if (index < 0 || rows.length < 2) return null
  const previous = rows[index - 1]
  const next = rows[index + 1]
  const link = buttonClasses({ variant: 'secondary', size: 'sm' })
  return (
    <nav aria-label={t('grading.nav.label')} className="flex flex-wrap items-center justify-between gap-2">
      {previous ? (
        <Link to={{ search: nav.submissionHref(assignmentId, previous.id) }} className={link} rel="prev">
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            ←
          </span>
          {t('grading.nav.previous')}
          <span className="sr-only">: {previous.student.full_name}</span>
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-slate-700">{t('grading.nav.position', { n: index + 1, total: rows.length })}</p>
      {next ? (
        <Link to={{ search: nav.submissionHref(assignmentId, next.id) }} className={link} rel="next">
          {t('grading.nav.next')}
          <span className="sr-only">: {next.student.full_name}</span>
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            →
          </span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
