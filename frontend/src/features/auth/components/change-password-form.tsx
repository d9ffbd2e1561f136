import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useChangePassword } from '../api/change-password'
import { checkNewPassword } from './check-new-password'
import { NewPasswordFields } from './new-password-fields'

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
    const next: Errors = checkNewPassword(t, password, repeat)
    if (!current) next.current_password = t('validation.passwordRequired')
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
      <NewPasswordFields
        newLabel={t('auth.change.newPassword')}
        confirmLabel={t('auth.change.confirmPassword')}
        password={password}
        repeat={repeat}
        onPasswordChange={setPassword}
        onRepeatChange={setRepeat}
        errors={errors}
      />
      <Button type="submit" loading={change.isPending} loadingText={t('auth.change.submitting')}>
        {t('auth.change.submit')}
      </Button>
    </form>
  )
}
