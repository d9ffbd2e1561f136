import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useCreateCourse } from '../api/create-course'
import { mapCourseErrors, type CourseFormErrors, type CourseFormValues } from '../utils/course-form-model'
import { CourseBasicFields } from './course-basic-fields'

type NewCourseValues = Pick<CourseFormValues, 'title' | 'subtitle' | 'category' | 'level' | 'language'>

/** The few things a new draft needs; the rest is filled in the course builder. */
export function NewCourseForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateCourse()
  const { ref, focusInvalid } = useInvalidFocus()
  const [values, setValues] = useState<NewCourseValues>({
    title: '',
    subtitle: '',
    category: '',
    level: 'beginner',
    language: 'en',
  })
  const [errors, setErrors] = useState<CourseFormErrors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!values.title.trim()) {
      setErrors({ title: t('teaching.form.titleRequired') })
      focusInvalid()
      return
    }
    setErrors({})
    setOtherMessages([])
    create.mutate(
      {
        title: values.title.trim(),
        subtitle: values.subtitle.trim(),
        category: values.category || null,
        level: values.level,
        language: values.language,
      },
      {
        onSuccess: (course) => {
          notify(t('teaching.new.created'))
          void navigate(`/teaching/${course.slug}?tab=details`)
        },
        onError: (error) => {
          if (!isApiError(error)) return
          const mapped = mapCourseErrors(error.fields)
          setErrors(mapped.fieldErrors)
          setOtherMessages(mapped.otherMessages)
          if (Object.keys(mapped.fieldErrors).length > 0) focusInvalid()
        },
      },
    )
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5">
      <ApiErrorAlert error={create.error} extraMessages={otherMessages} />
      <CourseBasicFields
        values={values}
        errors={errors}
        onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
      />
      <Button type="submit" loading={create.isPending} loadingText={t('teaching.new.creating')}>
        {t('teaching.new.submit')}
      </Button>
    </form>
  )
}
