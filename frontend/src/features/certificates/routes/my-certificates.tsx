import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { CardGridSkeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { MY_CERTIFICATES_PAGE_SIZE, useMyCertificates } from '../api/get-my-certificates'
import { CertificateCard } from '../components/certificate-card'

/** The signed-in student's certificates, with links to verify and download each. */
export function MyCertificatesRoute() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const certificates = useMyCertificates(page)
  useDocumentTitle(t('certificates.mine.title'))

  return (
    <div className="space-y-6">
      <PageHeading className="mb-0" lead={t('certificates.mine.lead')}>
        {t('certificates.mine.title')}
      </PageHeading>
      {certificates.isPending ? (
        <CardGridSkeleton label={t('common.loading')} />
      ) : certificates.isError ? (
        <LoadErrorAlert
          title={t('certificates.mine.loadError')}
          error={certificates.error}
          onRetry={() => void certificates.refetch()}
        />
      ) : certificates.data.count === 0 ? (
        <EmptyState
          title={t('certificates.mine.empty')}
          action={<ButtonLink to="/my/courses">{t('certificates.mine.toCourses')}</ButtonLink>}
        >
          {t('certificates.mine.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {certificates.data.results.map((certificate) => (
              <li key={certificate.code}>
                <CertificateCard certificate={certificate} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={Math.ceil(certificates.data.count / MY_CERTIFICATES_PAGE_SIZE)}
            hrefFor={(target) => (target > 1 ? `/my/certificates?page=${target}` : '/my/certificates')}
          />
        </>
      )}
    </div>
  )
}
