import { Button } from '@/components/ui/button'

import type { AdminOrder } from '../api/types'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'
import { OrderStatusBadge } from './order-status-badge'

/** One order in the admins' list: who bought what, the total, what was refunded, and a way to refund. */
export function AdminOrderCard({ order, onRefund }: { order: AdminOrder; onRefund: () => void }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const reference = order.receipt_number ?? order.id.slice(0, 8)
  return (
    <article
      aria-label={t('earnings.adminOrders.cardLabel', { reference, name: order.buyer.name })}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">
            <span dir="auto">{order.buyer.name}</span>{' '}
            <span className="text-sm font-normal break-all text-slate-700">{order.buyer.email}</span>
          </h3>
          <p className="text-sm text-slate-700">
            {reference} · <time dateTime={order.created_at}>{f.dateTime(order.created_at)}</time>
          </p>
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      <ul className="mt-3 space-y-1" aria-label={t('earnings.adminOrders.items')}>
        {order.items.map((item, index) => (
          <li key={`${item.title}-${index}`} className="flex justify-between gap-4">
            <span dir="auto">{item.title}</span>
            <span className="whitespace-nowrap tabular-nums">{f.money(item.amount, order.currency)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 border-t border-slate-200 pt-2">
        {order.coupon_code && (
          <>
            <dt className="text-slate-700">{t('earnings.adminOrders.coupon', { code: order.coupon_code })}</dt>
            <dd className="text-end tabular-nums">{f.money(-order.discount, order.currency)}</dd>
          </>
        )}
        <dt className="font-semibold">{t('earnings.adminOrders.total')}</dt>
        <dd className="text-end font-semibold tabular-nums">{f.money(order.total, order.currency)}</dd>
        {order.refunded > 0 && (
          <>
            <dt className="text-slate-700">{t('earnings.adminOrders.refunded')}</dt>
            <dd className="text-end tabular-nums">{f.money(order.refunded, order.currency)}</dd>
          </>
        )}
      </dl>
      {order.can_refund && (
        <div className="mt-4">
          <Button size="sm" variant="secondary" onClick={onRefund}>
            {t('earnings.adminOrders.refund')}
          </Button>
        </div>
      )}
    </article>
  )
}
