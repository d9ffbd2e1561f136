import { useTranslation } from 'react-i18next'

import { TextField } from '@/components/ui/field'
import { MIN_PASSWORD_LENGTH } from '@/lib/forms'

import type { NewPasswordErrors } from './check-new-password'

interface NewPasswordFieldsProps {
  newLabel: string
  confirmLabel: string
  password: string
  repeat: string
  onPasswordChange: (value: string) => void
  onRepeatChange: (value: string) => void
  errors: NewPasswordErrors
}

/** "New password" and "Confirm new password", with the password rules as a hint. */
export function NewPasswordFields({
  newLabel,
  confirmLabel,
  password,
  repeat,
  onPasswordChange,
  onRepeatChange,
  errors,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation()
  return (
    <>
      <TextField
        label={newLabel}
        type="password"
        name="new_password"
        autoComplete="new-password"
        hint={t('auth.signup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        error={errors.new_password}
      />
      <TextField
        label={confirmLabel}
        type="password"
        name="confirm_password"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => onRepeatChange(event.target.value)}
        error={errors.confirm}
      />
    </>
  )
}
