import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { SignupBody } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup, TextField } from '@/components/ui/field'
import { splitFieldErrors } from '@/lib/errors'
import { isEmail, MIN_PASSWORD_LENGTH, useInvalidFocus } from '@/lib/forms'
import { isLanguage } from '@/lib/i18n'

import { useSignup } from '../api/signup'

const FIELDS = ['first_name', 'last_name', 'email', 'password', 'role'] as const
type FieldName = (typeof FIELDS)[number]
type Errors = Partial<Record<FieldName, string>>
type SignupRole = SignupBody['role']

function browserTimezone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined
  } catch {
    return undefined
  }
}

export function SignupForm({ onSignedUp }: { onSignedUp: (email: string) => void }) {
  const { t, i18n } = useTranslation()
  const signup = useSignup()
  const { ref, focusInvalid } = useInvalidFocus()
  const [values, setValues] = useState({
    first_name: '',
    last_name: '',
    email: '',
    password: '',
  })
  const [role, setRole] = useState<SignupRole>('student')
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }))

  const validate = (): Errors => {
    const next: Errors = {}
    if (!values.first_name.trim()) next.first_name = t('validation.firstNameRequired')
    if (!values.last_name.trim()) next.last_name = t('validation.lastNameRequired')
    if (!values.email.trim()) next.email = t('validation.emailRequired')
    else if (!isEmail(values.email)) next.email = t('validation.emailInvalid')
    if (!values.password) next.password = t('validation.passwordRequired')
    else if (values.password.length < MIN_PASSWORD_LENGTH)
      next.password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH })
    return next
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = validate()
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      signup.reset()
      focusInvalid()
      return
    }
    const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'
    const timezone = browserTimezone()
    const body: SignupBody = {
      email: values.email.trim(),
      password: values.password,
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      role,
      language,
      ...(timezone ? { timezone } : {}),
    }
    signup.mutate(body, {
      onSuccess: (data) => onSignedUp(data.email || body.email),
      onError: (error) => {
        const split = splitFieldErrors(error, FIELDS)
        setErrors(split.fieldErrors)
        setOtherMessages(split.otherMessages)
        if (Object.keys(split.fieldErrors).length > 0) focusInvalid()
      },
    })
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={signup.error} extraMessages={otherMessages} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={t('auth.signup.firstName')}
          name="first_name"
          dir="auto"
          autoComplete="given-name"
          value={values.first_name}
          onChange={set('first_name')}
          error={errors.first_name}
        />
        <TextField
          label={t('auth.signup.lastName')}
          name="last_name"
          dir="auto"
          autoComplete="family-name"
          value={values.last_name}
          onChange={set('last_name')}
          error={errors.last_name}
        />
      </div>
      <TextField
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        dir="ltr"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        name="password"
        autoComplete="new-password"
        hint={t('auth.signup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
      <ChoiceGroup legend={t('auth.signup.role')} error={errors.role}>
        <div className="grid gap-2 sm:grid-cols-2">
          <Choice
            type="radio"
            name="role"
            value="student"
            checked={role === 'student'}
            onChange={() => setRole('student')}
            label={t('auth.signup.roleStudent')}
          />
          <Choice
            type="radio"
            name="role"
            value="tutor"
            checked={role === 'tutor'}
            onChange={() => setRole('tutor')}
            label={t('auth.signup.roleTutor')}
          />
        </div>
      </ChoiceGroup>
      <Button
        type="submit"
        fullWidth
        loading={signup.isPending}
        loadingText={t('auth.signup.submitting')}
      >
        {t('auth.signup.submit')}
      </Button>
    </form>
  )
}
