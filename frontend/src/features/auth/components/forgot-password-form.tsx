import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'
import { isEmail, useInvalidFocus } from '@/lib/forms'

import { useRequestPasswordReset } from '../api/request-password-reset'

export function ForgotPasswordForm() {
  const { t } = useTranslation()
  const request = useRequestPasswordReset()
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
    request.mutate(email.trim(), {
      onError: (err) => {
        const server = splitFieldErrors(err, ['email']).fieldErrors.email
        setError(server)
        if (server) focusInvalid()
      },
    })
  }

  if (request.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success" focusOnMount>{t('auth.forgot.sent', { email: email.trim() })}</Alert>
        <Link to="/login" className="link">
          {t('auth.forgot.toLogin')}
        </Link>
      </div>
    )
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={request.error} />
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
      <Button type="submit" fullWidth loading={request.isPending} loadingText={t('auth.forgot.submitting')}>
        {t('auth.forgot.submit')}
      </Button>
      <p>
        <Link to="/login" className="link">
          {t('auth.forgot.toLogin')}
        </Link>
      </p>
    </form>
  )
}
