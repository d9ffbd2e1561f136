import { useTranslation } from 'react-i18next'

/** The signed-in student's certificates, with links to verify and download each. */
export function MyCertificatesRoute() {
  const { t } = useTranslation()
  return <h1>{t('certificates.title')}</h1>
}
