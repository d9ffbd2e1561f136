import { useTranslation } from 'react-i18next'

import { useCategories } from '@/api/get-categories'
import { Field, TextField } from '@/components/ui/field'
import { Select } from '@/components/ui/input'

import {
  COURSE_LANGUAGES,
  LEVELS,
  type CourseFormErrors,
  type CourseFormField,
  type CourseFormValues,
} from '../utils/course-form-model'

type BasicValues = Pick<CourseFormValues, 'title' | 'subtitle' | 'category' | 'level' | 'language'>

/** Title, subtitle, category, level and language: shared by "New course" and the Details tab. */
export function CourseBasicFields({
  values,
  errors,
  onChange,
}: {
  values: BasicValues
  errors: CourseFormErrors
  onChange: <K extends CourseFormField & keyof BasicValues>(key: K, value: CourseFormValues[K]) => void
}) {
  const { t } = useTranslation()
  const categories = useCategories()
  return (
    <>
      <TextField
        label={t('teaching.form.title')}
        name="title"
        dir="auto"
        maxLength={120}
        value={values.title}
        onChange={(event) => onChange('title', event.target.value)}
        error={errors.title}
      />
      <TextField
        label={t('teaching.form.subtitle')}
        name="subtitle"
        dir="auto"
        optional
        maxLength={200}
        hint={t('teaching.form.subtitleHint')}
        value={values.subtitle}
        onChange={(event) => onChange('subtitle', event.target.value)}
        error={errors.subtitle}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <Field label={t('teaching.form.category')} optional error={errors.category}>
          {(control) => (
            <Select {...control} name="category" value={values.category} onChange={(event) => onChange('category', event.target.value)}>
              <option value="">{t('teaching.form.noCategory')}</option>
              {categories.data?.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('teaching.form.level')} error={errors.level}>
          {(control) => (
            <Select
              {...control}
              name="level"
              value={values.level}
              onChange={(event) => onChange('level', LEVELS.find((level) => level === event.target.value) ?? values.level)}
            >
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`courses.level.${level}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('teaching.form.language')} error={errors.language}>
          {(control) => (
            <Select
              {...control}
              name="language"
              value={values.language}
              onChange={(event) =>
                onChange('language', COURSE_LANGUAGES.find((code) => code === event.target.value) ?? values.language)
              }
            >
              {COURSE_LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`language.${code}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
    </>
  )
}
