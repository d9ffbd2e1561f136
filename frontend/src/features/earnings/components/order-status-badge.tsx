import { Badge } from '@/components/ui/badge'

import type { OrderStatus } from '../api/types'
import { useEarningsT } from '../i18n'

const TONES = { pending: 'info', paid: 'brand', failed: 'danger', refunded: 'neutral', partially_refunded: 'accent' } as const

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useEarningsT()
  return <Badge tone={TONES[status]}>{t(`earnings.orderStatus.${status}`)}</Badge>
}
