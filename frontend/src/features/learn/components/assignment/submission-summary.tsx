import { useId, type Ref } from 'react'
import { useTranslation } from 'react-i18next'

import type { Assignment, Submission } from '@/api/types'
import { Badge } from '@/components/ui/badge'

import { formatDateTime } from './dates'
import { GradePanel } from './grade-panel'
import { SubmissionFiles } from './submission-files'

const STATUS_TONES = { submitted: 'info', graded: 'accent', returned: 'brand' } as const

/** "Your submission": where the work stands, what was handed in and, once returned, the grade. */
export function SubmissionSummary({
  assignment,
  submission,
  timeZone,
  headingRef,
}: {
  assignment: Assignment
  submission: Submission | null
  timeZone: string | undefined
  headingRef: Ref<HTMLHeadingElement>
}) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {t('assignments.submission.heading')}
      </h2>
      {!submission ? (
        <p className="text-slate-700">{t('assignments.submission.none')}</p>
      ) : (
        <>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-slate-700">{t('assignments.submission.status')}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <Badge tone={STATUS_TONES[submission.status]}>
                {t(`assignments.submission.statuses.${submission.status}`)}
              </Badge>
              {submission.is_late && <Badge tone="danger">{t('assignments.submission.late')}</Badge>}
            </dd>
            <dt className="font-medium text-slate-700">{t('assignments.submission.submittedAt')}</dt>
            <dd>
              <time dateTime={submission.submitted_at}>
                {formatDateTime(submission.submitted_at, i18n.language, timeZone)}
              </time>
            </dd>
            <dt className="font-medium text-slate-700">{t('assignments.submission.attempt')}</dt>
            <dd>{submission.attempt}</dd>
          </dl>
          <div className="space-y-1">
            <h3 className="font-semibold">{t('assignments.submission.answer')}</h3>
            {submission.text ? (
              <p className="rounded-md bg-slate-50 p-3 whitespace-pre-wrap break-words" dir="auto">
                {submission.text}
              </p>
            ) : (
              <p className="text-slate-700">{t('assignments.submission.noAnswer')}</p>
            )}
          </div>
          {submission.files.length > 0 && (
            <div className="space-y-1">
              <h3 className="font-semibold">{t('assignments.submission.files')}</h3>
              <SubmissionFiles files={submission.files} />
            </div>
          )}
          {submission.status === 'returned' && <GradePanel assignment={assignment} submission={submission} />}
        </>
      )}
    </section>
  )
}
