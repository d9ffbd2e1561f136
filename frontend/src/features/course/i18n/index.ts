/**
 * The course page's buying strings (`courseBuying.*`), added to the app's translations when this module loads;
 * `useBuyingT` is `t` typed to them. Moving the two JSON files to `lib/i18n/locales/areas/` (and into
 * `messages.ts`) would let `useTranslation` take over unchanged.
 */
import type { TFunction, TOptions } from 'i18next'
import { useTranslation } from 'react-i18next'

import { i18n } from '@/lib/i18n'

import en from './buying.en.json'
import ur from './buying.ur.json'

i18n.addResourceBundle('en', 'translation', en, true, false)
i18n.addResourceBundle('ur', 'translation', ur, true, false)

export type BuyingKey = `courseBuying.${keyof (typeof en)['courseBuying']}`
export type BuyingT = ((key: BuyingKey, options?: TOptions) => string) & TFunction

export const buyingMessages = { en, ur }

export function useBuyingT() {
  const { t, i18n: instance } = useTranslation()
  return { t: t as BuyingT, i18n: instance }
}
