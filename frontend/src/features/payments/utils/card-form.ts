import type { LocalCardBody } from '../api/types'
import type { PaymentsKey } from '../i18n'

export type CardField = 'card_number' | 'expiry' | 'cvc' | 'name'
export type CardValues = Record<CardField, string>
export const CARD_FIELDS: readonly CardField[] = ['card_number', 'expiry', 'cvc', 'name']

export const EMPTY_CARD: CardValues = { card_number: '', expiry: '', cvc: '', name: '' }

/** What the gateway can tell without asking: every field filled, the expiry as MM/YY. The bank judges the rest. */
export function checkCard(values: CardValues): Partial<Record<CardField, PaymentsKey>> {
  const errors: Partial<Record<CardField, PaymentsKey>> = {}
  if (!values.card_number.trim()) errors.card_number = 'payments.gateway.errors.cardRequired'
  if (!values.expiry.trim()) errors.expiry = 'payments.gateway.errors.expiryRequired'
  else if (!/^\s*(0[1-9]|1[0-2])\s*\/\s*\d{2}\s*$/.test(values.expiry)) errors.expiry = 'payments.gateway.errors.expiryFormat'
  if (!values.cvc.trim()) errors.cvc = 'payments.gateway.errors.cvcRequired'
  if (!values.name.trim()) errors.name = 'payments.gateway.errors.nameRequired'
  return errors
}

/** "0427" or "04 / 27" typed into the expiry field → "04/27". */
export function tidyExpiry(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 4)
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits
}

export function cardBody(values: CardValues, otp?: string): LocalCardBody {
  return {
    card_number: values.card_number.trim(),
    expiry: values.expiry.trim(),
    cvc: values.cvc.trim(),
    name: values.name.trim(),
    ...(otp === undefined ? {} : { otp: otp.trim() }),
  }
}
