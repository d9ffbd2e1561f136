import type { CourseCurrency, CourseDetail, CourseLanguage, CourseLevel, CourseUpdateBody, Person } from '@/api/types'
import type { FieldErrors } from '@/lib/errors'
import { fromMinorUnits, toMinorUnits } from '@/lib/format'

export const LEVELS: readonly CourseLevel[] = ['beginner', 'intermediate', 'advanced']
export const COURSE_LANGUAGES: readonly CourseLanguage[] = ['en', 'ur']
export const CURRENCIES: readonly CourseCurrency[] = ['PKR', 'USD']

export interface CourseFormValues {
  title: string
  slug: string
  subtitle: string
  description: string
  category: string
  tags: string
  level: CourseLevel
  language: CourseLanguage
  price: string
  currency: CourseCurrency
  included_in_subscription: boolean
  /** Tutors who edit the course with its owner; only the owner may change them. */
  co_tutors: Person[]
}

/** The API accepts at most this many co-tutors. */
export const MAX_CO_TUTORS = 10

export type CourseFormField = keyof CourseFormValues
export type CourseFormErrors = Partial<Record<CourseFormField | 'cover', string>>

export function courseValues(course: CourseDetail): CourseFormValues {
  return {
    title: course.title,
    slug: course.slug,
    subtitle: course.subtitle,
    description: course.description ?? '',
    category: course.category?.slug ?? '',
    tags: course.tags.join(', '),
    level: course.level,
    language: course.language,
    price: course.price_amount ? fromMinorUnits(course.price_amount) : '',
    currency: course.currency,
    included_in_subscription: course.included_in_subscription,
    co_tutors: course.co_tutors,
  }
}

/** "python, beginners، web" → ["python", "beginners", "web"] (Latin and Urdu commas). */
export function parseTags(text: string): string[] {
  const tags: string[] = []
  for (const part of text.split(/[,،]/)) {
    const tag = part.trim()
    if (tag && !tags.includes(tag)) tags.push(tag)
  }
  return tags
}

export function validateCourse(
  values: CourseFormValues,
  messages: { title: string; slug: string; price: string; tags: string },
): CourseFormErrors {
  const errors: CourseFormErrors = {}
  if (!values.title.trim()) errors.title = messages.title
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug.trim())) errors.slug = messages.slug
  if (toMinorUnits(values.price) === 'invalid') errors.price = messages.price
  if (parseTags(values.tags).length > 12 || parseTags(values.tags).some((tag) => tag.length > 32)) errors.tags = messages.tags
  return errors
}

/**
 * The PATCH body; the price is typed in major units and sent in minor units (×100).
 * `co_tutor_ids` goes only with `withCoTutors` (the owner): the API refuses it from anyone else.
 */
export function toCourseBody(values: CourseFormValues, { withCoTutors = false } = {}): CourseUpdateBody {
  const price = toMinorUnits(values.price)
  return {
    title: values.title.trim(),
    slug: values.slug.trim(),
    subtitle: values.subtitle.trim(),
    description: values.description,
    category: values.category || null,
    tags: parseTags(values.tags),
    level: values.level,
    language: values.language,
    price_amount: price === 'invalid' || price === null ? 0 : price,
    currency: values.currency,
    included_in_subscription: values.included_in_subscription,
    ...(withCoTutors ? { co_tutor_ids: values.co_tutors.map((tutor) => tutor.id) } : {}),
  }
}

const SERVER_FIELDS: Record<string, CourseFormField | 'cover'> = {
  title: 'title',
  slug: 'slug',
  subtitle: 'subtitle',
  description: 'description',
  category: 'category',
  tags: 'tags',
  level: 'level',
  language: 'language',
  price_amount: 'price',
  currency: 'currency',
  included_in_subscription: 'included_in_subscription',
  co_tutor_ids: 'co_tutors',
  cover: 'cover',
}

/** Server messages beside their inputs (`tags.3` counts for tags); the rest for the top of the form. */
export function mapCourseErrors(fields: FieldErrors): { fieldErrors: CourseFormErrors; otherMessages: string[] } {
  const fieldErrors: CourseFormErrors = {}
  const otherMessages: string[] = []
  for (const [key, messages] of Object.entries(fields)) {
    const field = SERVER_FIELDS[key.split('.')[0] ?? '']
    const first = messages[0]
    if (!first) continue
    if (field) fieldErrors[field] ??= first
    else otherMessages.push(...messages)
  }
  return { fieldErrors, otherMessages }
}
