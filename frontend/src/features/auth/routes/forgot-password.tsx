import { useTranslation } from 'react-i18next'

import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { AuthLayout } from '../components/auth-layout'
import { ForgotPasswordForm } from '../components/forgot-password-form'

export function ForgotPasswordRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.forgot.title'))
  return (
    <AuthLayout>
      <PageHeading lead={t('auth.forgot.intro')}>{t('auth.forgot.title')}</PageHeading>
      <ForgotPasswordForm />
    </AuthLayout>
  )
}
