import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'

import { en, ur } from './messages'

export const LANGUAGES = ['en', 'ur'] as const
export type Language = (typeof LANGUAGES)[number]

export const LANGUAGE_STORAGE_KEY = 'ustad.language'

export const resources = {
  en: { translation: en },
  ur: { translation: ur },
} as const

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** Right-to-left scripts among our languages. */
export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ur' ? 'rtl' : 'ltr'
}

/** BCP 47 locale for number, currency and date formatting. */
export function localeOf(language: string): string {
  return language === 'ur' ? 'ur-PK' : 'en-PK'
}

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(stored) ? stored : null
  } catch {
    return null
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // Storage can be unavailable (private mode, quota); the choice still applies to this page.
  }
}

function initialLanguage(): Language {
  const stored = readStoredLanguage()
  if (stored) return stored
  const browser = typeof navigator !== 'undefined' ? navigator.language : ''
  return browser.toLowerCase().startsWith('ur') ? 'ur' : 'en'
}

/** Mirrors the UI language on `<html lang dir>` so the browser, fonts and screen readers follow. */
export function applyDocumentLanguage(language: string): void {
  const lang: Language = isLanguage(language) ? language : 'en'
  document.documentElement.lang = lang
  document.documentElement.dir = directionOf(lang)
}

i18n.on('languageChanged', applyDocumentLanguage)

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

applyDocumentLanguage(i18n.language)

export { i18n }
