import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'

import type { AttendanceStatus } from '../api/types'

const TONES = { present: 'brand', late: 'accent', absent: 'danger' } as const

export function AttendanceStatusBadge({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation()
  return <Badge tone={TONES[status]}>{t(`schedule.attendance.status.${status}`)}</Badge>
}
