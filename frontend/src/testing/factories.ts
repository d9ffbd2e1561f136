import type { Session, TutorPublic, User } from '@/api/types'

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: '5b0a7c1e-3a4e-4b0a-9a53-0c2f6f1b9a11',
    email: 'ayesha@example.pk',
    first_name: 'Ayesha',
    last_name: 'Khan',
    full_name: 'Ayesha Khan',
    role: 'student',
    headline: '',
    bio: '',
    timezone: 'Asia/Karachi',
    language: 'en',
    phone: '',
    avatar_url: null,
    email_verified: true,
    date_joined: '2026-01-01T10:00:00Z',
    tutor_profile: null,
    ...overrides,
  }
}

export function buildTutorUser(overrides: Partial<User> = {}): User {
  return buildUser({
    role: 'tutor',
    tutor_profile: {
      subjects: [{ slug: 'mathematics', name: 'Mathematics' }],
      hourly_rate: 250000,
      currency: 'PKR',
      experience_years: 5,
    },
    ...overrides,
  })
}

export function buildSession(overrides: Partial<Session> = {}): Session {
  return { access: 'access-1', access_expires_in: 300, user: buildUser(), ...overrides }
}

let tutorSeq = 0
export function buildTutor(overrides: Partial<TutorPublic> = {}): TutorPublic {
  tutorSeq += 1
  return {
    id: `00000000-0000-4000-8000-${String(tutorSeq).padStart(12, '0')}`,
    full_name: `Tutor ${tutorSeq}`,
    headline: 'Maths and physics',
    bio: '',
    avatar_url: null,
    timezone: 'Asia/Karachi',
    language: 'en',
    subjects: [{ slug: 'mathematics', name: 'Mathematics' }],
    hourly_rate: 250000,
    currency: 'PKR',
    experience_years: 3,
    ...overrides,
  }
}

export const SUBJECTS = [
  { slug: 'mathematics', name: 'Mathematics' },
  { slug: 'physics', name: 'Physics' },
  { slug: 'urdu', name: 'Urdu' },
]
