import { useTranslation } from 'react-i18next'

import { buttonClasses, type ButtonSize, type ButtonVariant } from '@/components/ui/button-classes'
import { DownloadIcon } from '@/components/ui/icons'

import { pdfPath } from '../utils/certificate-links'

/** A plain link to the public PDF: no session is needed, so the browser downloads it directly. */
export function DownloadPdfLink({
  code,
  label,
  variant = 'primary',
  size = 'md',
}: {
  code: string
  /** Added for screen readers when several certificates share a page. */
  label?: string
  variant?: ButtonVariant
  size?: ButtonSize
}) {
  const { t } = useTranslation()
  return (
    <a href={pdfPath(code)} download className={buttonClasses({ variant, size })}>
      <DownloadIcon />
      {t('certificates.downloadPdf')}
      {label && <span className="sr-only">: {label}</span>}
    </a>
  )
}
