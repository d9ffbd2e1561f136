import { useTranslation } from 'react-i18next'

import type { SubmissionForTutor } from '@/api/types'
import { Badge } from '@/components/ui/badge'

const TONES = { submitted: 'accent', graded: 'info', returned: 'brand' } as const

/** Handed in (waiting for a grade), graded (not yet seen by the student) or returned. */
export function SubmissionStatusBadge({ status }: { status: SubmissionForTutor['status'] }) {
  const { t } = useTranslation()
  return <Badge tone={TONES[status]}>{t(`grading.status.${status}`)}</Badge>
}

export function LateBadge() {
  const { t } = useTranslation()
  return <Badge tone="danger">{t('grading.late')}</Badge>
}
