import { Badge } from '@/components/ui/badge'

import type { ListingStatus } from '../api/types'
import { useEarningsT } from '../i18n'

const TONES = { draft: 'neutral', published: 'brand', archived: 'danger' } as const

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  const { t } = useEarningsT()
  return <Badge tone={TONES[status]}>{t(`earnings.listingStatus.${status}`)}</Badge>
}
