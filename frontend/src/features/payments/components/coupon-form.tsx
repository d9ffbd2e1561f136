import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'

import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

import { quoteOrder } from '../api/quote-order'
import type { OrderItemInput, Quote } from '../api/types'
import { usePaymentsTranslation } from '../i18n'
import { paymentErrorMessage } from '../utils/payment-errors'

/**
 * The coupon field: "Apply" prices the order with the code first, so a code that does not apply is refused
 * here (beside the field) and the price shown stays as it was.
 */
export function CouponForm({
  items,
  applied,
  disabled,
  onApplied,
}: {
  items: readonly OrderItemInput[]
  applied: string
  disabled?: boolean
  onApplied: (code: string, quote: Quote | null) => void
}) {
  const { t } = usePaymentsTranslation()
  const [code, setCode] = useState(applied)
  const [error, setError] = useState<string | null>(null)
  const check = useMutation({ mutationFn: (coupon: string) => quoteOrder({ items: [...items], coupon }) })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const coupon = code.trim()
    if (!coupon) {
      setError(t('payments.coupon.required'))
      return
    }
    setError(null)
    check.mutate(coupon, {
      onSuccess: (quote) => onApplied(coupon, quote),
      onError: (caught) => setError(paymentErrorMessage(t, caught)),
    })
  }

  const onRemove = () => {
    setCode('')
    setError(null)
    onApplied('', null)
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <Field label={t('payments.coupon.label')} error={error} optional>
        {(control) => (
          <div className="flex gap-2">
            <Input
              {...control}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={32}
              disabled={disabled}
              className="uppercase"
            />
            <Button
              type="submit"
              variant="secondary"
              loading={check.isPending}
              loadingText={t('payments.coupon.applying')}
              disabled={disabled}
            >
              {t('payments.coupon.apply')}
            </Button>
          </div>
        )}
      </Field>
      {applied && (
        <p role="status" className="flex flex-wrap items-center gap-2 text-sm text-brand-800">
          <span>{t('payments.coupon.applied', { code: applied })}</span>
          {!disabled && (
            <Button variant="ghost" size="sm" onClick={onRemove}>
              {t('payments.coupon.remove')}
            </Button>
          )}
        </p>
      )}
    </form>
  )
}
