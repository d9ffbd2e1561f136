import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { User } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Field, TextField } from '@/components/ui/field'
import { Select, Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { isLanguage, LANGUAGES, storeLanguage } from '@/lib/i18n'
import { notify } from '@/lib/notices'

import { useUpdateMe } from '../api/update-me'
import {
  initialProfileValues,
  mapProfileFieldErrors,
  toUpdateBody,
  validateProfile,
  type ProfileFormErrors,
  type ProfileFormValues,
} from '../utils/profile-form-model'
import { timezoneOptions } from '../utils/timezones'
import { TutorFields } from './tutor-fields'

export function ProfileForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation()
  const update = useUpdateMe()
  const { ref, focusInvalid } = useInvalidFocus()
  const [values, setValues] = useState<ProfileFormValues>(() => initialProfileValues(user))
  const [errors, setErrors] = useState<ProfileFormErrors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const isTutor = user.role === 'tutor'
  const zones = useMemo(() => timezoneOptions(user.timezone), [user.timezone])

  const setValue = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = validateProfile(values, isTutor, {
      firstName: t('validation.firstNameRequired'),
      lastName: t('validation.lastNameRequired'),
      rate: t('validation.rateInvalid'),
      years: t('validation.yearsInvalid'),
    })
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      update.reset()
      focusInvalid()
      return
    }
    update.mutate(toUpdateBody(values, isTutor), {
      onSuccess: (saved) => {
        // Show what the server stored (it normalises phone numbers, for one).
        setValues(initialProfileValues(saved))
        notify(t('profile.saved'))
        if (isLanguage(saved.language) && saved.language !== i18n.resolvedLanguage) {
          storeLanguage(saved.language)
          void i18n.changeLanguage(saved.language)
        }
      },
      onError: (error) => {
        if (!isApiError(error)) return
        const mapped = mapProfileFieldErrors(error.fields)
        setErrors(mapped.fieldErrors)
        setOtherMessages(mapped.otherMessages)
        if (Object.keys(mapped.fieldErrors).length > 0) focusInvalid()
      },
    })
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-6">
      <ApiErrorAlert error={update.error} extraMessages={otherMessages} />

      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={t('profile.firstName')}
          name="first_name"
          dir="auto"
          autoComplete="given-name"
          value={values.first_name}
          onChange={(event) => setValue('first_name', event.target.value)}
          error={errors.first_name}
        />
        <TextField
          label={t('profile.lastName')}
          name="last_name"
          dir="auto"
          autoComplete="family-name"
          value={values.last_name}
          onChange={(event) => setValue('last_name', event.target.value)}
          error={errors.last_name}
        />
      </div>

      <div className="space-y-1">
        <p className="font-medium text-slate-900">{t('profile.email')}</p>
        <p className="text-slate-900">
          <bdi dir="ltr">{user.email}</bdi>
        </p>
        <p className="text-sm text-slate-600">{t('profile.emailHelp')}</p>
      </div>

      <TextField
        label={t('profile.headline')}
        name="headline"
        dir="auto"
        optional
        hint={t('profile.headlineHint')}
        maxLength={160}
        value={values.headline}
        onChange={(event) => setValue('headline', event.target.value)}
        error={errors.headline}
      />

      <Field label={t('profile.bio')} optional error={errors.bio}>
        {(control) => (
          <Textarea
            {...control}
            name="bio"
            dir="auto"
            rows={5}
            value={values.bio}
            onChange={(event) => setValue('bio', event.target.value)}
          />
        )}
      </Field>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('profile.timezone')} error={errors.timezone}>
          {(control) => (
            <Select
              {...control}
              name="timezone"
              value={values.timezone}
              onChange={(event) => setValue('timezone', event.target.value)}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('profile.language')} error={errors.language}>
          {(control) => (
            <Select
              {...control}
              name="language"
              value={values.language}
              onChange={(event) => {
                if (isLanguage(event.target.value)) setValue('language', event.target.value)
              }}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <TextField
        label={t('profile.phone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        dir="ltr"
        optional
        hint={t('profile.phoneHint')}
        value={values.phone}
        onChange={(event) => setValue('phone', event.target.value)}
        error={errors.phone}
      />

      {isTutor && <TutorFields values={values} errors={errors} onChange={setValue} />}

      <Button type="submit" loading={update.isPending} loadingText={t('profile.saving')}>
        {t('profile.save')}
      </Button>
    </form>
  )
}
