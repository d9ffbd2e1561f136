import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'

/** Public verification page for a certificate code: anyone with the link can check it. */
export function CertificateRoute() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  return (
    <h1>
      {t('certificates.title')} {code}
    </h1>
  )
}
