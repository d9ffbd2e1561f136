/**
 * The buying screens' strings (`payments.*`), one of the app's areas under `lib/i18n/locales/areas/`;
 * `usePaymentsTranslation` is `t` typed to their keys.
 */
import type { TFunction, TOptions } from 'i18next'
import { useTranslation } from 'react-i18next'

import en from '@/lib/i18n/locales/areas/payments.en.json'
import ur from '@/lib/i18n/locales/areas/payments.ur.json'

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? Base<K> : `${K}.${Leaves<T[K]>}`
}[keyof T & string]

/** Every key of the payments area, e.g. `payments.checkout.title` (plural forms under their base key). */
export type PaymentsKey = Leaves<typeof en>

/** `t` for the payments keys as well as every other key of the app. */
export type PaymentsT = ((key: PaymentsKey, options?: TOptions) => string) & TFunction

export function usePaymentsTranslation() {
  const { t, i18n: instance } = useTranslation()
  return { t: t as PaymentsT, i18n: instance }
}

export const paymentsMessages = { en, ur }
