import type { QuoteItem } from '../api/types'
import { usePaymentsTranslation } from '../i18n'
import { kindKey } from '../utils/kind-keys'
import { useFormats } from '../utils/use-formats'

/** What is being bought, line by line, with the subtotal, any discount and the total. */
export function OrderLines({
  items,
  currency,
  subtotal,
  discount,
  total,
  couponCode,
}: {
  items: readonly QuoteItem[]
  currency: string
  subtotal: number
  discount: number
  total: number
  couponCode?: string | null | undefined
}) {
  const { t } = usePaymentsTranslation()
  const { money } = useFormats()
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200" aria-label={t('payments.checkout.items')}>
        {items.map((item, index) => {
          const kind = kindKey(item.kind)
          return (
            <li key={`${item.kind}-${index}`} className="flex items-start justify-between gap-4 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{item.title}</p>
                {kind && <p className="text-sm text-slate-600">{t(kind)}</p>}
              </div>
              <p className="shrink-0 text-end">
                {item.discount > 0 && (
                  <span className="block text-sm text-slate-600 line-through">
                    <span className="sr-only">{t('payments.checkout.was')} </span>
                    {money(item.unit_amount, currency)}
                  </span>
                )}
                <span className="font-medium">{money(item.amount, currency)}</span>
              </p>
            </li>
          )
        })}
      </ul>
      <dl className="space-y-1 border-t border-slate-200 pt-3">
        <div className="flex justify-between gap-4 text-slate-700">
          <dt>{t('payments.checkout.subtotal')}</dt>
          <dd>{money(subtotal, currency)}</dd>
        </div>
        {discount > 0 && (
          <div className="flex justify-between gap-4 text-brand-800">
            <dt>
              {couponCode
                ? t('payments.checkout.discountWithCode', { code: couponCode })
                : t('payments.checkout.discount')}
            </dt>
            <dd>−{money(discount, currency)}</dd>
          </div>
        )}
        <div className="flex justify-between gap-4 text-lg font-bold text-slate-900">
          <dt>{t('payments.checkout.total')}</dt>
          <dd>{money(total, currency)}</dd>
        </div>
      </dl>
    </div>
  )
}
