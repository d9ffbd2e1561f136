import { Link } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { buttonClasses } from '@/components/ui/button-classes'

import type { Order } from '../api/types'
import { usePaymentsTranslation } from '../i18n'
import { KIND_KEYS } from '../utils/kind-keys'
import { useFormats } from '../utils/use-formats'
import { OrderStatusBadge } from './order-status-badge'

/** One order in "My purchases": when, what, how much, its state, and what can be done with it. */
export function PurchaseCard({ order }: { order: Order }) {
  const { t } = usePaymentsTranslation()
  const { money, date } = useFormats()
  const headingId = `order-${order.id}`
  const payable = order.can_pay && (order.status === 'pending' || order.status === 'failed')
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id={headingId} className="font-semibold text-slate-900">
            {t('payments.purchases.orderOf', { date: date(order.created_at) })}
          </h2>
          {order.receipt_number !== null && (
            <p className="text-sm text-slate-600">{t('payments.purchases.receiptNumber', { number: order.receipt_number })}</p>
          )}
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      <ul className="mt-3 space-y-1">
        {order.items.map((item, index) => (
          <li key={`${item.kind}-${index}`} className="flex flex-wrap justify-between gap-x-4">
            <span>
              {item.kind === 'course' && item.course_slug ? (
                <Link to={`/courses/${encodeURIComponent(item.course_slug)}`} className="link">
                  {item.title}
                </Link>
              ) : (
                item.title
              )}
              <span className="ms-2 text-sm text-slate-600">{t(KIND_KEYS[item.kind])}</span>
            </span>
            <span>{money(item.amount, order.currency)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3">
        {order.discount > 0 && (
          <div className="flex justify-between gap-4 text-sm text-brand-800">
            <dt>
              {order.coupon_code
                ? t('payments.checkout.discountWithCode', { code: order.coupon_code })
                : t('payments.checkout.discount')}
            </dt>
            <dd>−{money(order.discount, order.currency)}</dd>
          </div>
        )}
        <div className="flex justify-between gap-4 font-semibold">
          <dt>{t('payments.checkout.total')}</dt>
          <dd>{money(order.total, order.currency)}</dd>
        </div>
        {order.refunded > 0 && (
          <div className="flex justify-between gap-4 text-sm text-slate-700">
            <dt>{t('payments.purchases.refunded')}</dt>
            <dd>−{money(order.refunded, order.currency)}</dd>
          </div>
        )}
      </dl>
      {(payable || order.receipt_url) && (
        <div className="mt-4 flex flex-wrap gap-2">
          {payable && (
            <ButtonLink to={`/checkout/${encodeURIComponent(order.id)}`} size="sm">
              {t('payments.purchases.payNow')}
              <span className="sr-only">: {t('payments.purchases.orderOf', { date: date(order.created_at) })}</span>
            </ButtonLink>
          )}
          {order.receipt_url && (
            <a href={order.receipt_url} className={buttonClasses({ variant: 'secondary', size: 'sm' })} download>
              {t('payments.purchases.receipt')}
              <span className="sr-only">: {order.receipt_number ?? ''}</span>
            </a>
          )}
        </div>
      )}
    </article>
  )
}
