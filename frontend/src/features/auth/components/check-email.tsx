import { useTranslation } from 'react-i18next'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { PageHeading } from '@/components/ui/page-heading'

import { useResendVerification } from '../api/resend-verification'

/** Shown after sign-up: where the link went, and a way to send it again. */
export function CheckEmail({ email }: { email: string }) {
  const { t } = useTranslation()
  const resend = useResendVerification()
  return (
    <div className="space-y-5">
      <PageHeading focusOnMount>{t('auth.checkEmail.title')}</PageHeading>
      <p className="text-lg">{t('auth.checkEmail.body', { email })}</p>
      <p className="text-slate-700">{t('auth.checkEmail.notReceived')}</p>
      {resend.isSuccess && <Alert tone="success">{t('auth.checkEmail.resent', { email })}</Alert>}
      <ApiErrorAlert error={resend.error} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button
          variant="secondary"
          loading={resend.isPending}
          loadingText={t('auth.checkEmail.resending')}
          onClick={() => resend.mutate(email)}
        >
          {t('auth.checkEmail.resend')}
        </Button>
        <ButtonLink to="/login">{t('auth.checkEmail.toLogin')}</ButtonLink>
      </div>
    </div>
  )
}
