import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'

import { PageHeading } from '@/components/ui/page-heading'
import { useAuth } from '@/lib/auth/auth-context'
import { useDocumentTitle } from '@/lib/use-document-title'

import { AuthLayout } from '../components/auth-layout'
import { CheckEmail } from '../components/check-email'
import { SignupForm } from '../components/signup-form'

export function SignupRoute() {
  const { t } = useTranslation()
  const { status } = useAuth()
  const [sentTo, setSentTo] = useState<string | null>(null)
  useDocumentTitle(sentTo ? t('auth.checkEmail.title') : t('auth.signup.title'))

  if (status === 'authenticated') return <Navigate to="/" replace />

  if (sentTo) {
    return (
      <AuthLayout>
        <CheckEmail email={sentTo} />
      </AuthLayout>
    )
  }

  return (
    <AuthLayout>
      <PageHeading lead={t('auth.signup.intro')}>{t('auth.signup.title')}</PageHeading>
      <SignupForm onSignedUp={setSentTo} />
      <p className="mt-6 text-center text-slate-700">
        {t('auth.signup.haveAccount')}{' '}
        <Link to="/login" className="link">
          {t('auth.signup.loginLink')}
        </Link>
      </p>
    </AuthLayout>
  )
}
