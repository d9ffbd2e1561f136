import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { AuthLayout } from '../components/auth-layout'
import { ResetPasswordForm } from '../components/reset-password-form'

export function ResetPasswordRoute() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get('token')
  useDocumentTitle(t('auth.reset.title'))
  return (
    <AuthLayout>
      <PageHeading>{t('auth.reset.title')}</PageHeading>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert
          tone="error"
          action={
            <Link to="/forgot-password" className="link">
              {t('auth.reset.requestNew')}
            </Link>
          }
        >
          {t('auth.reset.missingToken')}
        </Alert>
      )}
    </AuthLayout>
  )
}
