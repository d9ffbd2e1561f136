import { EmptyState } from '@/components/ui/empty-state'

import type { Movement } from '../api/types'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'

/** The latest credits and debits on the tutor's account, newest first. */
export function MovementsTable({ movements }: { movements: Movement[] }) {
  const { t } = useEarningsT()
  const f = useFormats()
  if (movements.length === 0) return <EmptyState title={t('earnings.movements.empty')} />
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-start">
        <caption className="sr-only">{t('earnings.movements.caption')}</caption>
        <thead className="bg-slate-50 text-sm text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.movements.date')}</th>
            <th scope="col" className="px-4 py-2 text-start font-semibold">{t('earnings.movements.memo')}</th>
            <th scope="col" className="px-4 py-2 text-end font-semibold">{t('earnings.movements.amount')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {movements.map((movement, index) => (
            <tr key={`${movement.date}-${index}`}>
              <td className="px-4 py-2 whitespace-nowrap">
                <time dateTime={movement.date}>{f.date(movement.date)}</time>
              </td>
              <td className="px-4 py-2" dir="auto">{movement.memo}</td>
              <td
                className={
                  movement.amount < 0
                    ? 'px-4 py-2 text-end whitespace-nowrap text-red-800 tabular-nums'
                    : 'px-4 py-2 text-end whitespace-nowrap text-brand-800 tabular-nums'
                }
              >
                {f.money(movement.amount, movement.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
