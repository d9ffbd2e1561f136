import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { useRequestPasswordReset } from '../api/request-password-reset'
import { EmailRequestForm } from './email-request-form'

export function ForgotPasswordForm() {
  const { t } = useTranslation()
  return (
    <EmailRequestForm
      request={useRequestPasswordReset()}
      submitLabel={t('auth.forgot.submit')}
      submittingLabel={t('auth.forgot.submitting')}
      successMessage={(email) => t('auth.forgot.sent', { email })}
      fullWidth
      footer={
        <p>
          <Link to="/login" className="link">
            {t('auth.forgot.toLogin')}
          </Link>
        </p>
      }
    />
  )
}
