import { Badge } from '@/components/ui/badge'

import type { OrderStatus } from '../api/types'
import { usePaymentsTranslation, type PaymentsKey } from '../i18n'

const LOOK: Record<OrderStatus, { tone: 'neutral' | 'brand' | 'accent' | 'info' | 'danger'; key: PaymentsKey }> = {
  pending: { tone: 'accent', key: 'payments.orderStatus.pending' },
  paid: { tone: 'brand', key: 'payments.orderStatus.paid' },
  failed: { tone: 'danger', key: 'payments.orderStatus.failed' },
  refunded: { tone: 'neutral', key: 'payments.orderStatus.refunded' },
  partially_refunded: { tone: 'info', key: 'payments.orderStatus.partially_refunded' },
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = usePaymentsTranslation()
  const look = LOOK[status]
  return <Badge tone={look.tone}>{t(look.key)}</Badge>
}
