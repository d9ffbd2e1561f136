import { Badge } from '@/components/ui/badge'

import type { PayoutStatus } from '../api/types'
import { useEarningsT } from '../i18n'

const TONES = { requested: 'info', approved: 'accent', paid: 'brand', rejected: 'danger' } as const

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useEarningsT()
  return <Badge tone={TONES[status]}>{t(`earnings.payoutStatus.${status}`)}</Badge>
}
