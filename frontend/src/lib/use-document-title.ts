import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets `<title>` to "Page · Ustad" so every route is named for tabs and screen readers. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation()
  const appName = t('common.appName')
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName
  }, [title, appName])
}
