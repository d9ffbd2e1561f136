import { Button } from '@/components/ui/button'

import type { Payout, PayoutAction } from '../api/types'
import { useEarningsT } from '../i18n'
import { useFormats } from '../utils/use-formats'
import { PayoutStatusBadge } from './payout-status-badge'

/** What an admin may do next with a payout: approve or reject a request, pay or reject an approved one. */
function nextActions(payout: Payout): PayoutAction[] {
  if (payout.status === 'requested') return ['approve', 'reject']
  if (payout.status === 'approved') return ['mark-paid', 'reject']
  return []
}

const LABELS = { approve: 'approve', reject: 'reject', 'mark-paid': 'markPaid' } as const

/** One payout in the admins' list: who, how much, where to, its status and its next steps. */
export function AdminPayoutCard({ payout, onAction }: { payout: Payout; onAction: (action: PayoutAction) => void }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const actions = nextActions(payout)
  return (
    <article
      aria-label={t('earnings.adminPayouts.cardLabel', { name: payout.tutor.name, amount: f.money(payout.amount, payout.currency) })}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="text-lg font-semibold text-slate-900" dir="auto">
            {payout.tutor.name}
          </h3>
          <p className="text-xl font-bold text-slate-900 tabular-nums">{f.money(payout.amount, payout.currency)}</p>
        </div>
        <PayoutStatusBadge status={payout.status} />
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t('earnings.adminPayouts.method')}</dt>
        <dd className="break-words" dir="auto">{payout.method}</dd>
        <dt className="font-medium text-slate-700">{t('earnings.adminPayouts.requestedAt')}</dt>
        <dd>
          <time dateTime={payout.created_at}>{f.dateTime(payout.created_at)}</time>
        </dd>
        {payout.paid_at && (
          <>
            <dt className="font-medium text-slate-700">{t('earnings.adminPayouts.paidAt')}</dt>
            <dd>
              <time dateTime={payout.paid_at}>{f.dateTime(payout.paid_at)}</time>
            </dd>
          </>
        )}
        {payout.note && (
          <>
            <dt className="font-medium text-slate-700">{t('earnings.adminPayouts.note')}</dt>
            <dd dir="auto">{payout.note}</dd>
          </>
        )}
      </dl>
      {actions.length > 0 && (
        <div className="mt-4 flex flex-wrap gap-2">
          {actions.map((action) => (
            <Button
              key={action}
              size="sm"
              variant={action === 'reject' ? 'secondary' : 'primary'}
              onClick={() => onAction(action)}
            >
              {t(`earnings.adminPayouts.${LABELS[action]}`)}
            </Button>
          ))}
        </div>
      )}
    </article>
  )
}
