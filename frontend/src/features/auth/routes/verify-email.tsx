import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { ButtonLink } from '@/components/ui/button'
import { PageHeading } from '@/components/ui/page-heading'
import { Spinner } from '@/components/ui/spinner'
import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useVerifyEmail } from '../api/verify-email'
import { AuthLayout } from '../components/auth-layout'
import { ResendVerificationForm } from '../components/resend-verification-form'

export function VerifyEmailRoute() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get('token')
  const verify = useVerifyEmail(token)
  useDocumentTitle(t('auth.verify.title'))

  const invalid =
    !token ||
    (isApiError(verify.error) &&
      (verify.error.code === 'invalid_token' || verify.error.code === 'validation_error'))

  return (
    <AuthLayout>
      <PageHeading>{t('auth.verify.title')}</PageHeading>
      {invalid ? (
        <div className="space-y-6">
          <Alert tone="error">{t('auth.verify.invalid')}</Alert>
          <ResendVerificationForm />
        </div>
      ) : verify.isSuccess ? (
        <div className="space-y-4">
          <Alert tone="success">{t('auth.verify.success')}</Alert>
          <ButtonLink to="/login">{t('auth.verify.toLogin')}</ButtonLink>
        </div>
      ) : verify.isError ? (
        <Alert tone="error">{errorMessage(t, verify.error)}</Alert>
      ) : (
        <Spinner label={t('auth.verify.verifying')} />
      )}
    </AuthLayout>
  )
}
