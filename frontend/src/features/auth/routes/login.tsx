import { useTranslation } from 'react-i18next'
import { Link, Navigate, useSearchParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { PageHeading } from '@/components/ui/page-heading'
import { useAuth } from '@/lib/auth/auth-context'
import { safeNextPath } from '@/lib/safe-next'
import { useDocumentTitle } from '@/lib/use-document-title'

import { AuthLayout } from '../components/auth-layout'
import { LoginForm } from '../components/login-form'

/** Where a successful log-in lands when no ?next= was given. */
const DEFAULT_AFTER_LOGIN = '/tutors'

export function LoginRoute() {
  const { t } = useTranslation()
  const { status } = useAuth()
  const [params] = useSearchParams()
  const next = safeNextPath(params.get('next'))
  useDocumentTitle(t('auth.login.title'))

  if (status === 'authenticated') {
    return <Navigate to={next ?? DEFAULT_AFTER_LOGIN} replace />
  }

  return (
    <AuthLayout>
      <PageHeading lead={t('auth.login.intro')}>{t('auth.login.title')}</PageHeading>
      {next && (
        <Alert tone="info" className="mb-5">
          {t('auth.login.sessionExpired')}
        </Alert>
      )}
      <LoginForm />
      <p className="mt-6 text-center text-slate-700">
        {t('auth.login.noAccount')}{' '}
        <Link to="/signup" className="link">
          {t('auth.login.signupLink')}
        </Link>
      </p>
    </AuthLayout>
  )
}
