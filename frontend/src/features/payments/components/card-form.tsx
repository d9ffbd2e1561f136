import { useState, type FormEvent } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { isApiError, splitFieldErrors } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'

import type { LocalPayment } from '../api/types'
import { usePaymentsTranslation } from '../i18n'
import { CARD_FIELDS, checkCard, tidyExpiry, type CardField, type CardValues } from '../utils/card-form'
import { paymentErrorMessage } from '../utils/payment-errors'
import { TestCards } from './test-cards'

/** The gateway's card form; the server's field errors (400) appear beside their fields. */
export function CardForm({
  payment,
  values,
  onChange,
  payLabel,
  submitting,
  error,
  onSubmit,
}: {
  payment: LocalPayment
  values: CardValues
  onChange: (values: CardValues) => void
  payLabel: string
  submitting: boolean
  error: unknown
  onSubmit: () => void
}) {
  const { t } = usePaymentsTranslation()
  const { ref, focusInvalid } = useInvalidFocus()
  const [local, setLocal] = useState<Partial<Record<CardField, string>>>({})
  const server = splitFieldErrors(error, CARD_FIELDS)
  const fieldError = (field: CardField) => local[field] ?? server.fieldErrors[field] ?? null
  const set = (field: CardField) => (value: string) => {
    setLocal((errors) => ({ ...errors, [field]: undefined }))
    onChange({ ...values, [field]: value })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = checkCard(values)
    const messages: Partial<Record<CardField, string>> = {}
    for (const [field, key] of Object.entries(found) as [CardField, (typeof found)[CardField]][]) {
      if (key) messages[field] = t(key)
    }
    setLocal(messages)
    if (Object.keys(messages).length > 0) {
      focusInvalid()
      return
    }
    onSubmit()
  }

  const otherError =
    Boolean(error) && !(isApiError(error) && error.code === 'validation_error' && Object.keys(server.fieldErrors).length > 0)
  return (
    <form ref={ref} onSubmit={submit} noValidate className="space-y-4" aria-label={t('payments.gateway.cardForm')}>
      <TestCards
        cards={payment.test_cards}
        disabled={submitting}
        onPick={(number) => {
          setLocal({})
          onChange({ ...values, card_number: number })
        }}
      />
      {otherError && (
        <Alert tone="error">
          <p>{paymentErrorMessage(t, error)}</p>
          {server.otherMessages.length > 0 && <p>{server.otherMessages.join(' ')}</p>}
        </Alert>
      )}
      <TextField
        label={t('payments.gateway.cardNumber')}
        value={values.card_number}
        onChange={(event) => set('card_number')(event.target.value)}
        error={fieldError('card_number')}
        inputMode="numeric"
        autoComplete="cc-number"
        dir="ltr"
        maxLength={23}
        placeholder="4242 4242 4242 4242"
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('payments.gateway.expiry')}
          value={values.expiry}
          onChange={(event) => set('expiry')(tidyExpiry(event.target.value))}
          error={fieldError('expiry')}
          inputMode="numeric"
          autoComplete="cc-exp"
          dir="ltr"
          placeholder={t('payments.gateway.expiryPlaceholder')}
        />
        <TextField
          label={t('payments.gateway.cvc')}
          value={values.cvc}
          onChange={(event) => set('cvc')(event.target.value.replace(/\D/g, '').slice(0, 4))}
          error={fieldError('cvc')}
          inputMode="numeric"
          autoComplete="cc-csc"
          dir="ltr"
        />
      </div>
      <TextField
        label={t('payments.gateway.name')}
        value={values.name}
        onChange={(event) => set('name')(event.target.value)}
        error={fieldError('name')}
        autoComplete="cc-name"
      />
      <Button type="submit" fullWidth size="lg" loading={submitting} loadingText={t('payments.gateway.paying')}>
        {payLabel}
      </Button>
    </form>
  )
}
