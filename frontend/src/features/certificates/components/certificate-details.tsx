import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { Certificate } from '@/api/types'
import { Card } from '@/components/ui/card'

import { useIssuedDate } from '../utils/use-issued-date'
import { DownloadPdfLink } from './download-pdf-link'

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-3 last:border-b-0 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-700">{term}</dt>
      <dd className="font-semibold text-slate-900">{children}</dd>
    </div>
  )
}

/** What a verified certificate says, exactly as it was issued. */
export function CertificateDetails({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation()
  const issued = useIssuedDate()
  return (
    <Card className="space-y-4 border-s-4 border-s-brand-700">
      <p className="text-slate-700">{t('certificates.verify.validLead')}</p>
      <dl>
        <Row term={t('certificates.verify.student')}>
          <span dir="auto">{certificate.student_name}</span>
        </Row>
        <Row term={t('certificates.verify.course')}>
          <Link to={`/courses/${certificate.course_slug}`} className="link" dir="auto">
            {certificate.course_title}
          </Link>
        </Row>
        <Row term={t('certificates.verify.tutor')}>
          <span dir="auto">{certificate.tutor_name}</span>
        </Row>
        <Row term={t('certificates.verify.issued')}>
          <time dateTime={certificate.issued_at}>{issued(certificate.issued_at)}</time>
        </Row>
        <Row term={t('certificates.verify.code')}>
          <span dir="ltr" className="font-mono tracking-wider">
            {certificate.code}
          </span>
        </Row>
      </dl>
      <DownloadPdfLink code={certificate.code} />
    </Card>
  )
}
