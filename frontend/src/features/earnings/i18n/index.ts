/**
 * The earning screens' strings (`earnings.*`), one of the app's areas under `lib/i18n/locales/areas/`;
 * `useEarningsT` is `t` typed to their keys.
 */
import { useTranslation } from 'react-i18next'

import en from '@/lib/i18n/locales/areas/earnings.en.json'
import ur from '@/lib/i18n/locales/areas/earnings.ur.json'

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K
type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Keys<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every key of the earning strings, plural forms under their base key (`count` picks the form). */
export type EarningsKey = Keys<typeof en>
export type EarningsT = (key: EarningsKey, options?: Record<string, unknown>) => string

export const earningsStrings = { en, ur }

/** `t` for the earning strings, plus the UI language for number and date formats. */
export function useEarningsT(): { t: EarningsT; language: string } {
  const { t, i18n: instance } = useTranslation()
  return { t: t, language: instance.language }
}
