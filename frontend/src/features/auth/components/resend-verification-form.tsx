import { useTranslation } from 'react-i18next'

import { useResendVerification } from '../api/resend-verification'
import { EmailRequestForm } from './email-request-form'

/** E-mail box that asks for a fresh verification link. */
export function ResendVerificationForm() {
  const { t } = useTranslation()
  return (
    <EmailRequestForm
      request={useResendVerification()}
      submitLabel={t('auth.verify.resend')}
      submittingLabel={t('auth.verify.resending')}
      successMessage={(email) => t('auth.verify.resent', { email })}
      intro={<p>{t('auth.verify.resendIntro')}</p>}
    />
  )
}
