import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button, ButtonLink } from '@/components/ui/button'
import { isApiError, splitFieldErrors } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'

import { useConfirmPasswordReset } from '../api/confirm-password-reset'
import { checkNewPassword, type NewPasswordErrors } from './check-new-password'
import { NewPasswordFields } from './new-password-fields'

export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation()
  const confirm = useConfirmPasswordReset()
  const { ref, focusInvalid } = useInvalidFocus()
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = checkNewPassword(t, password, repeat)
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      focusInvalid()
      return
    }
    confirm.mutate(
      { token, new_password: password },
      {
        onError: (error) => {
          const split = splitFieldErrors(error, ['new_password'])
          setErrors(split.fieldErrors)
          setOtherMessages(split.otherMessages)
          if (Object.keys(split.fieldErrors).length > 0) focusInvalid()
        },
      },
    )
  }

  if (confirm.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success" focusOnMount>
          {t('auth.reset.success')}
        </Alert>
        <ButtonLink to="/login">{t('auth.reset.toLogin')}</ButtonLink>
      </div>
    )
  }

  if (isTokenProblem(confirm.error)) {
    return (
      <Alert
        tone="error"
        focusOnMount
        action={
          <Link to="/forgot-password" className="link">
            {t('auth.reset.requestNew')}
          </Link>
        }
      >
        {t('auth.reset.invalid')}
      </Alert>
    )
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={confirm.error} extraMessages={otherMessages} />
      <NewPasswordFields
        newLabel={t('auth.reset.newPassword')}
        confirmLabel={t('auth.reset.confirmPassword')}
        password={password}
        repeat={repeat}
        onPasswordChange={setPassword}
        onRepeatChange={setRepeat}
        errors={errors}
      />
      <Button type="submit" fullWidth loading={confirm.isPending} loadingText={t('auth.reset.submitting')}>
        {t('auth.reset.submit')}
      </Button>
    </form>
  )
}

function isTokenProblem(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === 'invalid_token' || (error.code === 'validation_error' && 'token' in error.fields))
  )
}
