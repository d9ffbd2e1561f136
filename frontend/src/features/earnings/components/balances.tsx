import { EmptyState } from '@/components/ui/empty-state'

import type { Balance } from '../api/types'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'

/** One card per currency: earned, paid out, waiting to be paid out, and what can be asked for now. */
export function Balances({ balances }: { balances: Balance[] }) {
  const { t } = useEarningsT()
  const f = useFormats()
  if (balances.length === 0) {
    return <EmptyState title={t('earnings.balances.empty')}>{t('earnings.balances.emptyHint')}</EmptyState>
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {balances.map((balance) => (
        <li key={balance.currency} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h3 className="text-lg font-semibold text-slate-900">{t('earnings.balances.in', { currency: balance.currency })}</h3>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2">
            <dt className="text-slate-700">{t('earnings.balances.earned')}</dt>
            <dd className="text-end font-medium tabular-nums">{f.money(balance.earned, balance.currency)}</dd>
            <dt className="text-slate-700">{t('earnings.balances.paidOut')}</dt>
            <dd className="text-end font-medium tabular-nums">{f.money(balance.paid_out, balance.currency)}</dd>
            <dt className="text-slate-700">{t('earnings.balances.pending')}</dt>
            <dd className="text-end font-medium tabular-nums">{f.money(balance.pending_payouts, balance.currency)}</dd>
            <dt className="border-t border-slate-200 pt-2 font-semibold text-slate-900">{t('earnings.balances.available')}</dt>
            <dd className="border-t border-slate-200 pt-2 text-end text-lg font-bold text-brand-800 tabular-nums">
              {f.money(balance.available, balance.currency)}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  )
}
