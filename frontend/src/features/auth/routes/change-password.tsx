import { useTranslation } from 'react-i18next'

import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { AuthLayout } from '../components/auth-layout'
import { ChangePasswordForm } from '../components/change-password-form'

export function ChangePasswordRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.change.title'))
  return (
    <AuthLayout>
      <PageHeading lead={t('auth.change.intro')}>{t('auth.change.title')}</PageHeading>
      <ChangePasswordForm />
    </AuthLayout>
  )
}
