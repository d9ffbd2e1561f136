/**
 * The course page's buying strings (`courseBuying.*`), one of the app's areas under
 * `lib/i18n/locales/areas/`; `useBuyingT` is `t` typed to them.
 */
import type { TFunction, TOptions } from 'i18next'
import { useTranslation } from 'react-i18next'

import en from '@/lib/i18n/locales/areas/courseBuying.en.json'
import ur from '@/lib/i18n/locales/areas/courseBuying.ur.json'

export type BuyingKey = `courseBuying.${keyof (typeof en)['courseBuying']}`
export type BuyingT = ((key: BuyingKey, options?: TOptions) => string) & TFunction

export const buyingMessages = { en, ur }

export function useBuyingT() {
  const { t, i18n: instance } = useTranslation()
  return { t: t as BuyingT, i18n: instance }
}
