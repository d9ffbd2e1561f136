import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'
import { isEmail, useInvalidFocus } from '@/lib/forms'

import { useResendVerification } from '../api/resend-verification'

/** E-mail box that asks for a fresh verification link. */
export function ResendVerificationForm() {
  const { t } = useTranslation()
  const resend = useResendVerification()
  const { ref, focusInvalid } = useInvalidFocus()
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string | undefined>()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problem = !email.trim()
      ? t('validation.emailRequired')
      : !isEmail(email)
        ? t('validation.emailInvalid')
        : undefined
    setError(problem)
    if (problem) {
      focusInvalid()
      return
    }
    resend.mutate(email.trim(), {
      onError: (err) => {
        const server = splitFieldErrors(err, ['email']).fieldErrors.email
        setError(server)
        if (server) focusInvalid()
      },
    })
  }

  if (resend.isSuccess) {
    return <Alert tone="success" focusOnMount>{t('auth.verify.resent', { email: email.trim() })}</Alert>
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-4">
      <p>{t('auth.verify.resendIntro')}</p>
      <ApiErrorAlert error={resend.error} />
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        dir="ltr"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error}
      />
      <Button type="submit" loading={resend.isPending} loadingText={t('auth.verify.resending')}>
        {t('auth.verify.resend')}
      </Button>
    </form>
  )
}
