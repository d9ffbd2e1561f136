import type { Payout } from '../api/types'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'
import { PayoutStatusBadge } from './payout-status-badge'

/** A tutor's own payout requests: when, how much, where to, and how far each has got. */
export function PayoutsTable({ payouts }: { payouts: Payout[] }) {
  const { t } = useEarningsT()
  const f = useFormats()
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-start">
        <caption className="sr-only">{t('earnings.myPayouts.caption')}</caption>
        <thead className="bg-slate-50 text-sm text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.myPayouts.requested')}</th>
            <th scope="col" className="px-4 py-2 text-end font-semibold">{t('earnings.myPayouts.amount')}</th>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.myPayouts.method')}</th>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.myPayouts.status')}</th>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.myPayouts.note')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {payouts.map((payout) => (
            <tr key={payout.id}>
              <td className="px-4 py-2 whitespace-nowrap">
                <time dateTime={payout.created_at}>{f.date(payout.created_at)}</time>
              </td>
              <td className="px-4 py-2 text-end whitespace-nowrap tabular-nums">{f.money(payout.amount, payout.currency)}</td>
              <td className="px-4 py-2 break-words" dir="auto">{payout.method}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                <PayoutStatusBadge status={payout.status} />
                {payout.paid_at && (
                  <span className="mt-1 block text-sm text-slate-700">
                    {t('earnings.myPayouts.paidOn', { date: f.date(payout.paid_at) })}
                  </span>
                )}
              </td>
              <td className="px-4 py-2" dir="auto">{payout.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
