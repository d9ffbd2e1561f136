import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'
import { MIN_PASSWORD_LENGTH, useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useChangePassword } from '../api/change-password'

const FIELDS = ['current_password', 'new_password'] as const
type Errors = Partial<Record<(typeof FIELDS)[number] | 'confirm', string>>

export function ChangePasswordForm() {
  const { t } = useTranslation()
  const change = useChangePassword()
  const { ref, focusInvalid } = useInvalidFocus()
  const [current, setCurrent] = useState('')
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Errors = {}
    if (!current) next.current_password = t('validation.passwordRequired')
    if (!password) next.new_password = t('validation.passwordRequired')
    else if (password.length < MIN_PASSWORD_LENGTH)
      next.new_password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
    if (password && repeat !== password) next.confirm = t('validation.passwordsDontMatch')
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      change.reset()
      focusInvalid()
      return
    }
    change.mutate(
      { current_password: current, new_password: password },
      {
        onSuccess: () => {
          setCurrent('')
          setPassword('')
          setRepeat('')
          notify(t('auth.change.success'))
        },
        onError: (error) => {
          const split = splitFieldErrors(error, FIELDS)
          setErrors(split.fieldErrors)
          setOtherMessages(split.otherMessages)
          if (Object.keys(split.fieldErrors).length > 0) focusInvalid()
        },
      },
    )
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      {change.isSuccess && <Alert tone="success">{t('auth.change.success')}</Alert>}
      <ApiErrorAlert error={change.error} extraMessages={otherMessages} />
      <TextField
        label={t('auth.change.currentPassword')}
        type="password"
        name="current_password"
        autoComplete="current-password"
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
        error={errors.current_password}
      />
      <TextField
        label={t('auth.change.newPassword')}
        type="password"
        name="new_password"
        autoComplete="new-password"
        hint={t('auth.signup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.new_password}
      />
      <TextField
        label={t('auth.change.confirmPassword')}
        type="password"
        name="confirm_password"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => setRepeat(event.target.value)}
        error={errors.confirm}
      />
      <Button type="submit" loading={change.isPending} loadingText={t('auth.change.submitting')}>
        {t('auth.change.submit')}
      </Button>
    </form>
  )
}
