import { useState } from 'react'
import { useSearchParams } from 'react-router'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { Skeleton } from '@/components/ui/skeleton'
import { notify } from '@/lib/notices'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useDecidePayout } from '../api/decide-payout'
import { usePayouts } from '../api/get-payouts'
import { pageCount } from '../api/keys'
import { PAYOUT_STATUSES, type Payout, type PayoutAction, type PayoutStatus } from '../api/types'
import { AdminPayoutCard } from '../components/admin-payout-card'
import { AdminsOnly } from '../components/not-allowed'
import { NoteDialog } from '../components/note-dialog'
import { StatusFilter } from '../components/status-filter'
import { useEarningsT } from '../i18n'
import { pageParam, withQuery } from '../utils/page-param'
import { useFormats } from '../utils/use-formats'
import { useIsAdmin } from '../utils/use-is-admin'

function isStatus(value: string | null): value is PayoutStatus {
  return (PAYOUT_STATUSES as readonly (string | null)[]).includes(value)
}

function PayoutQueue() {
  const { t } = useEarningsT()
  const f = useFormats()
  const [params, setParams] = useSearchParams()
  const raw = params.get('status')
  const status = isStatus(raw) ? raw : ''
  const page = pageParam(params)
  const payouts = usePayouts(status, page)
  const decide = useDecidePayout()
  const [pending, setPending] = useState<{ payout: Payout; action: PayoutAction } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)

  const open = (payout: Payout, action: PayoutAction) => {
    decide.reset()
    setFailure(null)
    setPending({ payout, action })
  }
  const close = () => setPending(null)
  const run = (note?: string) => {
    if (!pending) return
    const { payout, action } = pending
    const amount = f.money(payout.amount, payout.currency)
    decide.mutate(
      { id: payout.id, action, note },
      {
        onSuccess: () => {
          close()
          notify(t(`earnings.adminPayouts.done.${action === 'mark-paid' ? 'markPaid' : action}`, { name: payout.tutor.name, amount }))
        },
        onError: (error) => {
          // Approving has no form to show the reason in: it goes above the list.
          if (action === 'approve') {
            close()
            setFailure(error)
          }
        },
      },
    )
  }

  const what = pending
    ? { name: pending.payout.tutor.name, amount: f.money(pending.payout.amount, pending.payout.currency), method: pending.payout.method }
    : { name: '', amount: '', method: '' }

  return (
    <div className="space-y-6">
      <StatusFilter
        label={t('earnings.adminPayouts.filter')}
        allLabel={t('earnings.adminPayouts.all')}
        value={status}
        statuses={PAYOUT_STATUSES}
        labelFor={(value) => t(`earnings.payoutStatus.${value}`)}
        onChange={(next) => setParams(next ? { status: next } : {}, { replace: true })}
      />
      <ApiErrorAlert error={failure} />
      {payouts.isPending ? (
        <div aria-busy="true" className="space-y-4">
          <p role="status" className="sr-only">
            {t('earnings.common.loading')}
          </p>
          <Skeleton className="h-40" />
        </div>
      ) : payouts.isError ? (
        <LoadErrorAlert title={t('earnings.adminPayouts.loadError')} error={payouts.error} onRetry={() => void payouts.refetch()} />
      ) : payouts.data.results.length === 0 ? (
        <EmptyState title={t('earnings.adminPayouts.empty')} />
      ) : (
        <>
          <ul className="space-y-4" aria-label={t('earnings.adminPayouts.listLabel')}>
            {payouts.data.results.map((payout) => (
              <li key={payout.id}>
                <AdminPayoutCard payout={payout} onAction={(action) => open(payout, action)} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={pageCount(payouts.data.count)}
            hrefFor={(n) => withQuery('/manage/payouts', { status, page: n })}
          />
        </>
      )}
      <ConfirmDialog
        open={pending?.action === 'approve'}
        tone="primary"
        title={t('earnings.adminPayouts.approveTitle')}
        confirmLabel={t('earnings.adminPayouts.approve')}
        cancelLabel={t('earnings.common.cancel')}
        confirming={decide.isPending}
        onConfirm={() => run()}
        onCancel={close}
      >
        {t('earnings.adminPayouts.approveBody', what)}
      </ConfirmDialog>
      {pending && pending.action !== 'approve' && (
        <NoteDialog
          key={`${pending.payout.id}-${pending.action}`}
          open
          title={t(pending.action === 'reject' ? 'earnings.adminPayouts.rejectTitle' : 'earnings.adminPayouts.markPaidTitle')}
          noteLabel={t(pending.action === 'reject' ? 'earnings.adminPayouts.rejectNote' : 'earnings.adminPayouts.reference')}
          noteHint={t(pending.action === 'reject' ? 'earnings.adminPayouts.rejectHint' : 'earnings.adminPayouts.referenceHint')}
          confirmLabel={t(pending.action === 'reject' ? 'earnings.adminPayouts.reject' : 'earnings.adminPayouts.markPaid')}
          tone={pending.action === 'reject' ? 'danger' : 'primary'}
          pending={decide.isPending}
          error={decide.error}
          onConfirm={run}
          onClose={close}
        >
          {t(pending.action === 'reject' ? 'earnings.adminPayouts.rejectBody' : 'earnings.adminPayouts.markPaidBody', what)}
        </NoteDialog>
      )}
    </div>
  )
}

/** `/manage/payouts?status=`: tutors' payout requests, to approve, reject or mark as paid (admins). */
export function AdminPayoutsRoute() {
  const { t } = useEarningsT()
  const isAdmin = useIsAdmin()
  useDocumentTitle(t('earnings.adminPayouts.title'))
  if (!isAdmin) return <AdminsOnly />
  return (
    <div className="space-y-6">
      <PageHeading lead={t('earnings.adminPayouts.lead')}>{t('earnings.adminPayouts.title')}</PageHeading>
      <PayoutQueue />
    </div>
  )
}
