/**
 * The earning screens' strings, English and Urdu, added to the app's one `translation` namespace under the
 * `earnings` key when this feature loads. `useEarningsT` is `t` typed to these keys. Moving the two JSON
 * files to `lib/i18n/locales/areas/` (and into `messages.ts`) would let `useTranslation` take over unchanged.
 */
import { useTranslation } from 'react-i18next'

import { i18n } from '@/lib/i18n'

import en from './earnings.en.json'
import ur from './earnings.ur.json'

i18n.addResourceBundle('en', 'translation', en, true, false)
i18n.addResourceBundle('ur', 'translation', ur, true, false)

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
  return { t: t as unknown as EarningsT, language: instance.language }
}
