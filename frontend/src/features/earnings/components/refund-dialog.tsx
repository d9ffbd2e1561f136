import { useEffect, useRef, useState, type FormEvent } from 'react'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field, TextField } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { fromMinorUnits } from '@/lib/format'
import { notify } from '@/lib/notices'

import { useRefundOrder } from '../api/refund-order'
import type { AdminOrder } from '../api/types'
import { useEarningsT } from '../i18n'
import { parseAmount } from '../utils/amount'
import { formErrors } from '../utils/server-errors'
import { useFormats } from '../utils/use-formats'

const FIELDS = ['amount', 'reason'] as const
type Errors = Partial<Record<(typeof FIELDS)[number], string>>

/** The server keeps refund reasons under this many characters. */
const REASON_MAX = 500

/**
 * Refunds an order, in full or in part: the amount starts at what is left, and the admin confirms the
 * exact figure before anything is sent. The list is asked for again afterwards.
 */
export function RefundDialog({ order, onClose }: { order: AdminOrder; onClose: () => void }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const refund = useRefundOrder()
  const left = order.total - order.refunded
  const [amount, setAmount] = useState(() => fromMinorUnits(left))
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [confirming, setConfirming] = useState<number | null>(null)
  const [alertError, setAlertError] = useState<unknown>(null)
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const questionRef = useRef<HTMLParagraphElement>(null)

  // The form's button is gone once the question shows: focus goes to the question, read out first.
  useEffect(() => {
    if (confirming !== null) questionRef.current?.focus()
  }, [confirming])

  const onReview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Errors = {}
    const parsed = parseAmount(amount)
    if ('problem' in parsed) next.amount = t(`earnings.request.errors.${parsed.problem}`)
    else if (parsed.amount > left) next.amount = t('earnings.refund.errors.overLeft', { left: f.money(left, order.currency) })
    if (!reason.trim()) next.reason = t('earnings.refund.errors.reasonRequired')
    setErrors(next)
    setAlertError(null)
    setOtherMessages([])
    if (Object.keys(next).length > 0 || 'problem' in parsed) return
    setConfirming(parsed.amount)
  }

  const onConfirm = () => {
    if (confirming === null) return
    // Always the confirmed figure: "what is left" could have changed since the list was loaded.
    const body = { amount: confirming, reason: reason.trim() }
    refund.mutate(
      { id: order.id, body },
      {
        onSuccess: () => {
          notify(t('earnings.refund.done', { amount: f.money(confirming, order.currency), name: order.buyer.name }))
          onClose()
        },
        onError: (error) => {
          const mapped = formErrors(error, FIELDS)
          setErrors(mapped.fieldErrors)
          setOtherMessages(mapped.otherMessages)
          setAlertError(mapped.handled ? null : error)
          setConfirming(null)
        },
      },
    )
  }

  return (
    <Dialog open title={t('earnings.refund.title', { name: order.buyer.name })} onClose={onClose}>
      {confirming === null ? (
        <form onSubmit={onReview} noValidate className="space-y-4">
          <p className="text-slate-800">
            {t('earnings.refund.summary', { total: f.money(order.total, order.currency), left: f.money(left, order.currency) })}
          </p>
          <ApiErrorAlert error={alertError} extraMessages={otherMessages} />
          <TextField
            label={t('earnings.refund.amount', { currency: order.currency })}
            hint={t('earnings.refund.amountHint')}
            inputMode="decimal"
            autoComplete="off"
            dir="ltr"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            error={errors.amount}
          />
          <Field label={t('earnings.refund.reason')} hint={t('earnings.refund.reasonHint')} error={errors.reason}>
            {(control) => (
              <Textarea
                {...control}
                dir="auto"
                rows={3}
                maxLength={REASON_MAX}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose}>
              {t('earnings.common.cancel')}
            </Button>
            <Button type="submit" variant="danger">
              {t('earnings.refund.review')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="space-y-4">
          <p ref={questionRef} tabIndex={-1} className="font-semibold text-slate-900">
            {t('earnings.refund.confirm', { amount: f.money(confirming, order.currency), name: order.buyer.name })}
          </p>
          <p className="text-slate-700">{t('earnings.refund.cannotUndo')}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setConfirming(null)} disabled={refund.isPending}>
              {t('earnings.common.back')}
            </Button>
            <Button variant="danger" onClick={onConfirm} loading={refund.isPending} loadingText={t('earnings.refund.refunding')}>
              {t('earnings.refund.confirmButton', { amount: f.money(confirming, order.currency) })}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
