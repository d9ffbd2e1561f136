/**
 * The buying screens' strings, in their own area (`payments.*`) like the app's other areas. They are added to
 * the app's translations when this module loads, and `usePaymentsTranslation` types their keys, so the area can
 * move under `src/lib/i18n/locales/areas/` without touching a screen.
 */
import type { TFunction, TOptions } from 'i18next'
import { useTranslation } from 'react-i18next'

import { i18n } from '@/lib/i18n'

import en from './payments.en.json'
import ur from './payments.ur.json'

i18n.addResourceBundle('en', 'translation', en, true, false)
i18n.addResourceBundle('ur', 'translation', ur, true, false)

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
