import type {
  CourseCard,
  CourseDetail,
  Lesson,
  Session,
  SyllabusLesson,
  SyllabusSection,
  TutorPublic,
  User,
} from '@/api/types'

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

let courseSeq = 0
export function buildCourseCard(overrides: Partial<CourseCard> = {}): CourseCard {
  courseSeq += 1
  return {
    id: `10000000-0000-4000-8000-${String(courseSeq).padStart(12, '0')}`,
    slug: `course-${courseSeq}`,
    title: `Course ${courseSeq}`,
    subtitle: 'Learn step by step',
    cover_url: null,
    tutor: { id: '20000000-0000-4000-8000-000000000001', full_name: 'Sara Malik', avatar_url: null },
    category: { slug: 'programming', name: 'Programming' },
    level: 'beginner',
    language: 'en',
    rating_average: '4.50',
    rating_count: 12,
    enrollment_count: 130,
    duration_seconds: 5400,
    lesson_count: 14,
    price_amount: 0,
    currency: 'PKR',
    is_free: true,
    included_in_subscription: false,
    status: 'published',
    published_at: '2026-01-10T10:00:00Z',
    ...overrides,
  }
}

export function buildSyllabusLesson(overrides: Partial<SyllabusLesson> = {}): SyllabusLesson {
  courseSeq += 1
  return {
    id: `30000000-0000-4000-8000-${String(courseSeq).padStart(12, '0')}`,
    title: `Lesson ${courseSeq}`,
    kind: 'video',
    position: 0,
    duration_seconds: 600,
    is_preview: false,
    is_locked: false,
    completed: false,
    ...overrides,
  }
}

export function buildSection(overrides: Partial<SyllabusSection> = {}): SyllabusSection {
  courseSeq += 1
  return {
    id: `40000000-0000-4000-8000-${String(courseSeq).padStart(12, '0')}`,
    title: `Section ${courseSeq}`,
    position: 0,
    lessons: [],
    ...overrides,
  }
}

export function buildCourseDetail(
  overrides: Partial<Omit<CourseDetail, 'viewer'>> & { viewer?: Partial<CourseDetail['viewer']> } = {},
): CourseDetail {
  const { viewer, ...rest } = overrides
  const card = buildCourseCard(rest)
  return {
    ...card,
    description_html: '<p>A <strong>friendly</strong> course.</p>',
    description: null,
    tags: ['python'],
    co_tutors: [],
    sections: [],
    ...rest,
    viewer: {
      can_edit: false,
      is_enrolled: false,
      progress_percent: 0,
      can_review: false,
      my_review: null,
      ...viewer,
    },
  }
}

export function buildLesson(overrides: Partial<Lesson> = {}): Lesson {
  courseSeq += 1
  return {
    id: `50000000-0000-4000-8000-${String(courseSeq).padStart(12, '0')}`,
    course_slug: 'python-from-zero',
    section_id: '40000000-0000-4000-8000-000000000001',
    title: 'Variables',
    kind: 'video',
    position: 0,
    is_preview: false,
    duration_seconds: 600,
    body_html: '',
    body: null,
    live_url: '',
    video_url: '/media/private/video.mp4?signature=abc',
    video_content_type: 'video/mp4',
    resources: [],
    progress: null,
    previous_lesson_id: null,
    next_lesson_id: null,
    quiz_id: null,
    assignment_id: null,
    ...overrides,
  }
}
