import { useTranslation } from 'react-i18next'

import { ButtonLink } from '@/components/ui/button'
import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

export function NotFoundRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.title'))
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <p className="text-6xl font-bold text-brand-700" aria-hidden="true">
        404
      </p>
      <PageHeading lead={t('notFound.body')} className="mt-4">
        {t('notFound.title')}
      </PageHeading>
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </div>
  )
}
