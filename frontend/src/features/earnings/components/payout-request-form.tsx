import { useState, type FormEvent } from 'react'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Field, TextField } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useRequestPayout } from '../api/request-payout'
import { CURRENCIES, type Balance, type Currency } from '../api/types'
import { useEarningsT } from '../i18n'
import { parseAmount } from '../utils/amount'
import { formErrors } from '../utils/server-errors'
import { useFormats } from '../utils/use-formats'
import { CurrencyField } from './currency-field'

const FIELDS = ['amount', 'currency', 'method'] as const
type FormField = (typeof FIELDS)[number]
type Errors = Partial<Record<FormField, string>>

/** The server keeps "where to send it" under this many characters. */
export const METHOD_MAX = 300

function firstCurrency(balances: Balance[]): Currency {
  return (balances.find((balance) => balance.available > 0) ?? balances[0])?.currency ?? 'PKR'
}

/**
 * Asks for a payout of up to what is available in one currency. The amount is typed in major units
 * (rupees, dollars) and sent in exact minor units; an admin then approves and pays it.
 */
export function PayoutRequestForm({ balances }: { balances: Balance[] }) {
  const { t } = useEarningsT()
  const f = useFormats()
  const request = useRequestPayout()
  const { ref, focusInvalid } = useInvalidFocus()
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState<Currency>(() => firstCurrency(balances))
  const [method, setMethod] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const [alertError, setAlertError] = useState<unknown>(null)
  const currencies = balances.length > 0 ? balances.map((balance) => balance.currency) : CURRENCIES
  const available = balances.find((balance) => balance.currency === currency)?.available

  const validate = (): { body: { amount: number; currency: Currency; method: string } } | { errors: Errors } => {
    const next: Errors = {}
    const parsed = parseAmount(amount)
    if ('problem' in parsed) next.amount = t(`earnings.request.errors.${parsed.problem}`)
    else if (available !== undefined && parsed.amount > available) {
      next.amount = t('earnings.request.errors.overAvailable', { available: f.money(Math.max(available, 0), currency) })
    }
    const where = method.trim()
    if (!where) next.method = t('earnings.request.errors.methodRequired')
    else if (where.length > METHOD_MAX) next.method = t('earnings.request.errors.methodTooLong', { max: METHOD_MAX })
    if (Object.keys(next).length > 0 || 'problem' in parsed) return { errors: next }
    return { body: { amount: parsed.amount, currency, method: where } }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const checked = validate()
    setOtherMessages([])
    setAlertError(null)
    if ('errors' in checked) {
      request.reset()
      setErrors(checked.errors)
      focusInvalid()
      return
    }
    setErrors({})
    request.mutate(checked.body, {
      onSuccess: (payout) => {
        notify(t('earnings.request.sent', { amount: f.money(payout.amount, payout.currency) }))
        setAmount('')
        setMethod('')
      },
      onError: (error) => {
        const mapped = formErrors(error, FIELDS, { insufficient_balance: 'amount' })
        setErrors(mapped.fieldErrors)
        setOtherMessages(mapped.otherMessages)
        setAlertError(mapped.handled ? null : error)
        if (Object.keys(mapped.fieldErrors).length > 0) focusInvalid()
      },
    })
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-4">
      <ApiErrorAlert error={alertError} extraMessages={otherMessages} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField
          label={t('earnings.request.amount')}
          hint={
            available !== undefined
              ? t('earnings.request.amountHint', { available: f.money(Math.max(available, 0), currency) })
              : t('earnings.request.amountHintNone')
          }
          inputMode="decimal"
          autoComplete="off"
          dir="ltr"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errors.amount}
        />
        <CurrencyField label={t('earnings.request.currency')} value={currency} onChange={setCurrency} error={errors.currency} choices={currencies} />
      </div>
      <Field label={t('earnings.request.method')} hint={t('earnings.request.methodHint')} error={errors.method}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={2}
            maxLength={METHOD_MAX}
            value={method}
            onChange={(event) => setMethod(event.target.value)}
          />
        )}
      </Field>
      <Button type="submit" loading={request.isPending} loadingText={t('earnings.request.sending')}>
        {t('earnings.request.submit')}
      </Button>
    </form>
  )
}
