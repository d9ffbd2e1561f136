import { useTranslation } from 'react-i18next'

import { useSubjects } from '@/api/get-subjects'
import { Choice, ChoiceGroup, Field, TextField } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import {
  CURRENCIES,
  type ProfileFormErrors,
  type ProfileFormValues,
} from '../utils/profile-form-model'

/** Subjects, rate and experience: only tutors see these. */
export function TutorFields({
  values,
  errors,
  onChange,
}: {
  values: ProfileFormValues
  errors: ProfileFormErrors
  onChange: <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => void
}) {
  const { t } = useTranslation()
  const subjects = useSubjects()

  const toggleSubject = (slug: string, checked: boolean) => {
    const current = values.subject_slugs
    onChange(
      'subject_slugs',
      checked ? [...current, slug] : current.filter((selected) => selected !== slug),
    )
  }

  return (
    <section aria-labelledby="teaching-heading" className="space-y-5 border-t border-slate-200 pt-6">
      <h2 id="teaching-heading" className="text-xl font-semibold text-slate-900">
        {t('profile.teaching')}
      </h2>

      <ChoiceGroup legend={t('profile.subjects')} error={errors.subject_slugs}>
        {subjects.isPending ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <Skeleton className="h-11" />
            <Skeleton className="h-11" />
          </div>
        ) : subjects.isError ? (
          <LoadErrorAlert
            error={subjects.error}
            message={t('profile.subjectsLoadError')}
            onRetry={() => void subjects.refetch()}
          />
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {subjects.data.map((subject) => (
              <Choice
                key={subject.slug}
                type="checkbox"
                name="subject_slugs"
                value={subject.slug}
                checked={values.subject_slugs.includes(subject.slug)}
                onChange={(event) => toggleSubject(subject.slug, event.target.checked)}
                label={subject.name}
              />
            ))}
          </div>
        )}
      </ChoiceGroup>

      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          label={t('profile.hourlyRate')}
          name="hourly_rate"
          inputMode="decimal"
          dir="ltr"
          optional
          hint={t('profile.hourlyRateHint', { currency: values.currency })}
          value={values.hourly_rate}
          onChange={(event) => onChange('hourly_rate', event.target.value)}
          error={errors.hourly_rate}
          className="sm:col-span-2"
        />
        <Field label={t('profile.currency')} error={errors.currency}>
          {(control) => (
            <Select
              {...control}
              name="currency"
              value={values.currency}
              onChange={(event) => {
                const next = CURRENCIES.find((currency) => currency === event.target.value)
                if (next) onChange('currency', next)
              }}
            >
              {CURRENCIES.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <TextField
        label={t('profile.experience')}
        name="experience_years"
        type="number"
        inputMode="numeric"
        min={0}
        max={80}
        step={1}
        value={values.experience_years}
        onChange={(event) => onChange('experience_years', event.target.value)}
        error={errors.experience_years}
        className="max-w-xs"
      />
    </section>
  )
}
