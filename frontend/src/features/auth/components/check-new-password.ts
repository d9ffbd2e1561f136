import type { TFunction } from 'i18next'

import { MIN_PASSWORD_LENGTH } from '@/lib/forms'

export type NewPasswordErrors = Partial<Record<'new_password' | 'confirm', string>>

/** The checks we can make before asking the server (which also applies its own password rules). */
export function checkNewPassword(t: TFunction, password: string, repeat: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (!password) errors.new_password = t('validation.passwordRequired')
  else if (password.length < MIN_PASSWORD_LENGTH)
    errors.new_password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
  if (password && repeat !== password) errors.confirm = t('validation.passwordsDontMatch')
  return errors
}
