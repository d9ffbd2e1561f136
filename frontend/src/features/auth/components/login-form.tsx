import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { errorMessage } from '@/lib/api-messages'
import { isApiError, splitFieldErrors } from '@/lib/errors'
import { isEmail, useInvalidFocus } from '@/lib/forms'

import { useLogin } from '../api/login'
import { useResendVerification } from '../api/resend-verification'

type Errors = Partial<Record<'email' | 'password', string>>

export function LoginForm() {
  const { t } = useTranslation()
  const login = useLogin()
  const resend = useResendVerification()
  const { ref, focusInvalid } = useInvalidFocus()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Errors = {}
    if (!email.trim()) next.email = t('validation.emailRequired')
    else if (!isEmail(email)) next.email = t('validation.emailInvalid')
    if (!password) next.password = t('validation.passwordRequired')
    setErrors(next)
    setOtherMessages([])
    resend.reset()
    if (Object.keys(next).length > 0) {
      login.reset()
      focusInvalid()
      return
    }
    login.mutate(
      { email: email.trim(), password },
      {
        onError: (error) => {
          const split = splitFieldErrors(error, ['email', 'password'])
          setErrors(split.fieldErrors)
          setOtherMessages(split.otherMessages)
          if (Object.keys(split.fieldErrors).length > 0) focusInvalid()
        },
      },
    )
  }

  const notVerified = isApiError(login.error) && login.error.code === 'email_not_verified'

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      {notVerified ? (
        <Alert
          tone="warning"
          action={
            resend.isSuccess ? (
              <p className="font-medium">{t('auth.login.resent', { email: email.trim() })}</p>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                loading={resend.isPending}
                loadingText={t('auth.login.resending')}
                onClick={() => resend.mutate(email.trim())}
              >
                {t('auth.login.resend')}
              </Button>
            )
          }
        >
          <p>{errorMessage(t, login.error)}</p>
          {resend.isError && <p className="mt-1 text-red-800">{errorMessage(t, resend.error)}</p>}
        </Alert>
      ) : (
        <ApiErrorAlert error={login.error} extraMessages={otherMessages} />
      )}

      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        dir="ltr"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <p>
        <Link to="/forgot-password" className="link">
          {t('auth.login.forgot')}
        </Link>
      </p>
      <Button
        type="submit"
        fullWidth
        loading={login.isPending}
        loadingText={t('auth.login.submitting')}
      >
        {t('auth.login.submit')}
      </Button>
    </form>
  )
}
