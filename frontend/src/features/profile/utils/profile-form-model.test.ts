import { describe, expect, it } from 'vitest'

import { buildTutorUser } from '@/testing/factories'

import { initialProfileValues, mapProfileFieldErrors, toUpdateBody } from './profile-form-model'

describe('profile form model', () => {
  it('maps dotted and indexed server keys to form fields', () => {
    expect(
      mapProfileFieldErrors({
        first_name: ['Required.'],
        'tutor_profile.hourly_rate': ['Too high.', 'Second message.'],
        'tutor_profile.subject_slugs.2': ['Unknown subject.'],
        'tutor_profile.experience_years': ['Too many.'],
        'tutor_profile.currency': ['Bad currency.'],
        non_field_errors: ['Something else.'],
      }),
    ).toEqual({
      fieldErrors: {
        first_name: 'Required.',
        hourly_rate: 'Too high.',
        subject_slugs: 'Unknown subject.',
        experience_years: 'Too many.',
        currency: 'Bad currency.',
      },
      otherMessages: ['Something else.'],
    })
  })

  it('converts the hourly rate between major and minor units', () => {
    const values = initialProfileValues(buildTutorUser())
    expect(values.hourly_rate).toBe('2500')
    expect(toUpdateBody({ ...values, hourly_rate: '1,250.75' }, true).tutor_profile?.hourly_rate).toBe(125075)
    expect(toUpdateBody({ ...values, hourly_rate: '' }, true).tutor_profile?.hourly_rate).toBeNull()
  })
})
