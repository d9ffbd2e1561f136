import { useTranslation } from 'react-i18next'

import type { CourseStatus } from '@/api/types'
import { Badge } from '@/components/ui/badge'

const tones = { draft: 'accent', published: 'brand', archived: 'neutral' } as const

export function StatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation()
  return <Badge tone={tones[status]}>{t(`courses.status.${status}`)}</Badge>
}
