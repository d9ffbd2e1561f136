import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { isLanguage, LANGUAGES } from '@/lib/i18n'
import { useLanguage } from '@/lib/i18n/use-language'

import { cn } from './cn'

/** English / اردو. Each option is written in its own language and script. */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t } = useTranslation()
  const { language, setLanguage } = useLanguage()
  const id = useId()
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void setLanguage(event.target.value)
        }}
        className="min-h-10 rounded-md border border-slate-500 bg-white px-2 text-sm text-slate-900"
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
