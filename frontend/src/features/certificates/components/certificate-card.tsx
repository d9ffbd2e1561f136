import { useTranslation } from 'react-i18next'

import type { Certificate } from '@/api/types'
import { ButtonLink } from '@/components/ui/button'

import { verifyPath, verifyUrl } from '../utils/certificate-links'
import { useIssuedDate } from '../utils/use-issued-date'
import { CopyLinkButton } from './copy-link-button'
import { DownloadPdfLink } from './download-pdf-link'

/** One earned certificate: what it is for, and ways to show it to others. */
export function CertificateCard({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation()
  const issued = useIssuedDate()
  const title = certificate.course_title
  return (
    <article className="flex h-full flex-col gap-4 rounded-lg border border-slate-200 border-t-4 border-t-brand-700 bg-white p-4 shadow-sm">
      <div className="space-y-1">
        <h2 className="text-lg leading-snug font-semibold" dir="auto">
          {title}
        </h2>
        <p className="text-sm text-slate-700">{t('certificates.mine.issued', { date: issued(certificate.issued_at) })}</p>
        <p className="text-sm text-slate-700">
          {t('certificates.verify.code')}:{' '}
          <span dir="ltr" className="font-mono tracking-wider">
            {certificate.code}
          </span>
        </p>
      </div>
      <div className="mt-auto flex flex-wrap gap-2">
        <ButtonLink to={verifyPath(certificate.code)} size="sm">
          {t('certificates.mine.view')}
          <span className="sr-only">: {title}</span>
        </ButtonLink>
        <DownloadPdfLink code={certificate.code} label={title} variant="secondary" size="sm" />
        <CopyLinkButton url={verifyUrl(certificate)} label={title} />
      </div>
    </article>
  )
}
