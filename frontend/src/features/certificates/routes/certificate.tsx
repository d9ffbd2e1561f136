import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { CheckIcon } from '@/components/ui/icons'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useCertificate } from '../api/get-certificate'
import { CertificateCodeForm } from '../components/certificate-code-form'
import { CertificateDetails } from '../components/certificate-details'

/** Public verification page for a certificate code: anyone with the link can check it. */
export function CertificateRoute() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const certificate = useCertificate(code)
  const notFound = isApiError(certificate.error) && certificate.error.status === 404
  const heading = certificate.data
    ? t('certificates.verify.valid')
    : notFound
      ? t('certificates.verify.notFound')
      : t('certificates.verify.title')
  useDocumentTitle(heading)

  return (
    <div className="mx-auto max-w-3xl space-y-8" aria-busy={certificate.isPending || undefined}>
      {/* One heading element for every state, so focus placed on it after navigation stays put. */}
      <PageHeading className="mb-0">
        <span className="inline-flex items-center gap-2">
          {certificate.data && (
            <span className="inline-flex size-8 items-center justify-center rounded-full bg-brand-700 text-white">
              <CheckIcon />
            </span>
          )}
          {heading}
        </span>
      </PageHeading>
      {certificate.isPending ? (
        <>
          <p role="status" className="sr-only">
            {t('certificates.verify.checking')}
          </p>
          <Skeleton className="h-72" />
        </>
      ) : certificate.data ? (
        <CertificateDetails certificate={certificate.data} />
      ) : notFound ? (
        <Alert tone="error">
          {t('certificates.verify.notFoundBody', { code: code.toUpperCase() })}
        </Alert>
      ) : (
        <LoadErrorAlert
          title={t('certificates.verify.loadError')}
          error={certificate.error}
          onRetry={() => void certificate.refetch()}
        />
      )}
      <CertificateCodeForm />
    </div>
  )
}
