import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

import type { CourseDetail } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Choice, Field, TextField } from '@/components/ui/field'
import { Select, Textarea } from '@/components/ui/input'
import { useAuth } from '@/lib/auth/auth-context'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useUpdateCourse } from '../api/update-course'
import {
  courseValues,
  CURRENCIES,
  mapCourseErrors,
  toCourseBody,
  validateCourse,
  type CourseFormErrors,
  type CourseFormField,
  type CourseFormValues,
} from '../utils/course-form-model'
import { CoTutorsField } from './co-tutors-field'
import { CourseBasicFields } from './course-basic-fields'
import { CoverEditor } from './cover-editor'

/** Every editable detail of a course, with server errors beside their fields. */
export function CourseDetailsForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const update = useUpdateCourse(course.slug)
  const { user } = useAuth()
  // The API lets only the owner name co-tutors; co-tutors editing the course see them read-only.
  const isOwner = user?.id === course.tutor.id
  const { ref, focusInvalid } = useInvalidFocus()
  const [values, setValues] = useState<CourseFormValues>(() => courseValues(course))
  const [errors, setErrors] = useState<CourseFormErrors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const set = <K extends CourseFormField>(key: K, value: CourseFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = validateCourse(values, {
      title: t('teaching.form.titleRequired'),
      slug: t('teaching.form.slugInvalid'),
      price: t('teaching.form.priceInvalid'),
      tags: t('teaching.form.tagsInvalid'),
    })
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      update.reset()
      focusInvalid()
      return
    }
    update.mutate(toCourseBody(values, { withCoTutors: isOwner }), {
      onSuccess: (saved) => {
        setValues(courseValues(saved))
        notify(t('teaching.form.saved'))
        if (saved.slug !== course.slug) void navigate(`/teaching/${saved.slug}?tab=details`, { replace: true })
      },
      onError: (error) => {
        if (!isApiError(error)) return
        const mapped = mapCourseErrors(error.fields)
        setErrors(mapped.fieldErrors)
        setOtherMessages(mapped.otherMessages)
        if (Object.keys(mapped.fieldErrors).length > 0) focusInvalid()
      },
    })
  }

  return (
    <div className="space-y-6">
      <Card className="space-y-3">
        <h3 className="text-lg font-semibold">{t('teaching.cover.title')}</h3>
        <CoverEditor course={course} error={errors.cover} />
      </Card>
      <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-6">
        <ApiErrorAlert error={update.error} extraMessages={otherMessages} />
        <Card className="space-y-5">
          <CourseBasicFields values={values} errors={errors} onChange={set} />
          <TextField
            label={t('teaching.form.slug')}
            name="slug"
            dir="ltr"
            hint={t('teaching.form.slugHint', { slug: values.slug || '…' })}
            value={values.slug}
            onChange={(event) => set('slug', event.target.value.toLowerCase())}
            error={errors.slug}
          />
          <TextField
            label={t('teaching.form.tags')}
            name="tags"
            dir="auto"
            optional
            hint={t('teaching.form.tagsHint')}
            value={values.tags}
            onChange={(event) => set('tags', event.target.value)}
            error={errors.tags}
          />
        </Card>
        <Card className="space-y-5">
          <Field label={t('teaching.form.description')} hint={t('teaching.form.descriptionHint')} error={errors.description}>
            {(control) => (
              <Textarea
                {...control}
                name="description"
                dir="auto"
                rows={12}
                className="font-mono text-sm"
                value={values.description}
                onChange={(event) => set('description', event.target.value)}
              />
            )}
          </Field>
        </Card>
        <Card className="space-y-5">
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t('teaching.form.price')}
              name="price"
              inputMode="decimal"
              dir="ltr"
              hint={t('teaching.form.priceHint', { currency: values.currency })}
              value={values.price}
              onChange={(event) => set('price', event.target.value)}
              error={errors.price}
            />
            <Field label={t('teaching.form.currency')} error={errors.currency}>
              {(control) => (
                <Select
                  {...control}
                  name="currency"
                  value={values.currency}
                  onChange={(event) => set('currency', CURRENCIES.find((c) => c === event.target.value) ?? values.currency)}
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
          <Choice
            type="checkbox"
            name="included_in_subscription"
            label={t('teaching.form.subscription')}
            checked={values.included_in_subscription}
            onChange={(event) => set('included_in_subscription', event.target.checked)}
          />
        </Card>
        <Card>
          <CoTutorsField
            coTutors={values.co_tutors}
            owner={course.tutor}
            canChange={isOwner}
            error={errors.co_tutors}
            onChange={(next) => set('co_tutors', next)}
          />
        </Card>
        <Button type="submit" loading={update.isPending} loadingText={t('teaching.saving')}>
          {t('teaching.form.save')}
        </Button>
      </form>
    </div>
  )
}
