import type { Currency, MeUpdateBody, User } from '@/api/types'
import { fromMinorUnits, toMinorUnits } from '@/lib/format'
import { isLanguage, type Language } from '@/lib/i18n'
import type { FieldErrors } from '@/lib/errors'

export const CURRENCIES: readonly Currency[] = ['PKR', 'USD']

export interface ProfileFormValues {
  first_name: string
  last_name: string
  headline: string
  bio: string
  timezone: string
  language: Language
  phone: string
  subject_slugs: string[]
  hourly_rate: string
  currency: Currency
  experience_years: string
}

export type ProfileFormField = keyof ProfileFormValues
export type ProfileFormErrors = Partial<Record<ProfileFormField, string>>

export function initialProfileValues(user: User): ProfileFormValues {
  const tutor = user.tutor_profile
  return {
    first_name: user.first_name,
    last_name: user.last_name,
    headline: user.headline,
    bio: user.bio,
    timezone: user.timezone,
    language: isLanguage(user.language) ? user.language : 'en',
    phone: user.phone,
    subject_slugs: tutor ? tutor.subjects.map((subject) => subject.slug) : [],
    hourly_rate: fromMinorUnits(tutor?.hourly_rate),
    currency: tutor?.currency ?? 'PKR',
    experience_years: String(tutor?.experience_years ?? 0),
  }
}

/** Checks the few things the browser can judge; the server validates everything again. */
export function validateProfile(
  values: ProfileFormValues,
  isTutor: boolean,
  messages: { firstName: string; lastName: string; rate: string; years: string },
): ProfileFormErrors {
  const errors: ProfileFormErrors = {}
  if (!values.first_name.trim()) errors.first_name = messages.firstName
  if (!values.last_name.trim()) errors.last_name = messages.lastName
  if (isTutor) {
    if (toMinorUnits(values.hourly_rate) === 'invalid') errors.hourly_rate = messages.rate
    if (!/^\d+$/.test(values.experience_years.trim())) errors.experience_years = messages.years
  }
  return errors
}

/** The PATCH /me body. Hourly rate is typed in major units and sent in minor units (×100). */
export function toUpdateBody(values: ProfileFormValues, isTutor: boolean): MeUpdateBody {
  const body: MeUpdateBody = {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    headline: values.headline.trim(),
    bio: values.bio.trim(),
    timezone: values.timezone,
    language: values.language,
    phone: values.phone.trim(),
  }
  if (isTutor) {
    const rate = toMinorUnits(values.hourly_rate)
    body.tutor_profile = {
      subject_slugs: values.subject_slugs,
      hourly_rate: rate === 'invalid' ? null : rate,
      currency: values.currency,
      experience_years: Number.parseInt(values.experience_years, 10) || 0,
    }
  }
  return body
}

const FORM_FIELDS = new Set<string>([
  'first_name',
  'last_name',
  'headline',
  'bio',
  'timezone',
  'language',
  'phone',
])

/** Server keys (dotted for nested objects) → the form input that shows the message. */
const NESTED_FIELDS: Record<string, ProfileFormField> = {
  'tutor_profile.subject_slugs': 'subject_slugs',
  'tutor_profile.subjects': 'subject_slugs',
  'tutor_profile.hourly_rate': 'hourly_rate',
  'tutor_profile.currency': 'currency',
  'tutor_profile.experience_years': 'experience_years',
}

function formFieldFor(serverKey: string): ProfileFormField | null {
  if (FORM_FIELDS.has(serverKey)) return serverKey as ProfileFormField
  for (const [prefix, field] of Object.entries(NESTED_FIELDS)) {
    // `tutor_profile.subject_slugs.1` (one bad item of a list) counts for the list.
    if (serverKey === prefix || serverKey.startsWith(`${prefix}.`)) return field
  }
  return null
}

/** Splits `error.fields` into messages beside inputs and messages for the top of the form. */
export function mapProfileFieldErrors(fields: FieldErrors): {
  fieldErrors: ProfileFormErrors
  otherMessages: string[]
} {
  const fieldErrors: ProfileFormErrors = {}
  const otherMessages: string[] = []
  for (const [key, messages] of Object.entries(fields)) {
    const field = formFieldFor(key)
    const first = messages[0]
    if (!first) continue
    if (field) fieldErrors[field] ??= first
    else otherMessages.push(...messages)
  }
  return { fieldErrors, otherMessages }
}
