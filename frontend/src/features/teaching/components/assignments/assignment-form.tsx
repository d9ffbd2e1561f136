import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Assignment, CourseDetail } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Choice, Field, TextField } from '@/components/ui/field'
import { Input, Select, Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'

import { useCreateAssignment } from '../../api/assignment-create'
import { useUpdateAssignment } from '../../api/assignment-update'
import {
  assignmentValues,
  emptyAssignmentValues,
  LATE_POLICIES,
  mapServerErrors,
  toCreateBody,
  toUpdateBody,
  validateAssignment,
  type AssignmentFormErrors,
  type AssignmentFormValues,
} from './assignment-form-model'
import { takenLessonIds } from './course-lessons'
import { FileKindsField } from './file-kinds-field'
import { LessonLinkField } from './lesson-link-field'
import { RubricEditor } from './rubric-editor'
import { useTutorTimeZone } from './use-tutor-time-zone'

/** Creates an assignment, or edits `assignment`: instructions, deadline, points, late work, files, rubric. */
export function AssignmentForm({
  course,
  assignments,
  assignment,
  onSaved,
}: {
  course: CourseDetail
  assignments: Assignment[]
  assignment?: Assignment
  onSaved: (assignment: Assignment) => void
}) {
  const { t } = useTranslation()
  const timeZone = useTutorTimeZone()
  const create = useCreateAssignment(course.slug)
  const update = useUpdateAssignment(course.slug)
  const save = assignment ? update : create
  const { ref, focusInvalid } = useInvalidFocus()
  const [initial, setInitial] = useState<AssignmentFormValues>(() =>
    assignment ? assignmentValues(assignment, timeZone) : emptyAssignmentValues(),
  )
  const [values, setValues] = useState<AssignmentFormValues>(initial)
  const [errors, setErrors] = useState<AssignmentFormErrors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const set = <K extends keyof AssignmentFormValues>(key: K, value: AssignmentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))

  const onError = (error: unknown) => {
    if (!isApiError(error)) return
    const mapped = mapServerErrors(error.fields)
    setErrors(mapped.errors)
    setOtherMessages(mapped.other)
    if (Object.keys(mapped.errors).length > 0) focusInvalid()
  }
  const onSuccess = (saved: Assignment) => {
    const next = assignmentValues(saved, timeZone)
    setInitial(next)
    setValues(next)
    onSaved(saved)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next = validateAssignment(values, {
      titleRequired: t('grading.form.titleRequired'),
      points: t('grading.form.pointsInvalid'),
      penalty: t('grading.form.penaltyInvalid'),
      maxFiles: t('grading.form.maxFilesInvalid'),
      criterionTitle: t('grading.rubric.titleRequired'),
      criterionPoints: t('grading.rubric.marksInvalid'),
      rubricTotal: (total, points) => t('grading.rubric.mismatch', { total, points }),
    })
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      save.reset()
      focusInvalid()
      return
    }
    if (assignment) {
      update.mutate({ id: assignment.id, body: toUpdateBody(values, initial) }, { onSuccess, onError })
    } else {
      create.mutate(toCreateBody(values), { onSuccess, onError })
    }
  }

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-6">
      <ApiErrorAlert error={save.error} extraMessages={otherMessages} />
      <TextField
        label={t('grading.form.title')}
        dir="auto"
        maxLength={160}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        error={errors.title}
      />
      <Field label={t('grading.form.instructions')} hint={t('grading.form.instructionsHint')} error={errors.instructions}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={8}
            maxLength={20000}
            className="font-mono text-sm"
            value={values.instructions}
            onChange={(event) => set('instructions', event.target.value)}
          />
        )}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('grading.form.due')} hint={t('grading.form.dueHint', { zone: timeZone })} error={errors.due}>
          {(control) => (
            <Input
              {...control}
              type="datetime-local"
              dir="ltr"
              value={values.due}
              onChange={(event) => set('due', event.target.value)}
            />
          )}
        </Field>
        <TextField
          label={t('grading.form.points')}
          hint={t('grading.form.pointsHint')}
          type="number"
          min={1}
          max={1000}
          step={1}
          dir="ltr"
          value={values.points}
          onChange={(event) => set('points', event.target.value)}
          error={errors.points}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('grading.form.late')} error={errors.late_policy}>
          {(control) => (
            <Select
              {...control}
              value={values.late_policy}
              onChange={(event) =>
                set('late_policy', LATE_POLICIES.find((policy) => policy === event.target.value) ?? 'accept')
              }
            >
              {LATE_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`grading.latePolicy.${policy}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {values.late_policy === 'penalty' && (
          <TextField
            label={t('grading.form.penalty')}
            hint={t('grading.form.penaltyHint')}
            type="number"
            min={0}
            max={100}
            step={1}
            dir="ltr"
            value={values.penalty}
            onChange={(event) => set('penalty', event.target.value)}
            error={errors.penalty}
          />
        )}
      </div>
      <FileKindsField value={values.file_kinds} error={errors.file_kinds} onChange={(kinds) => set('file_kinds', kinds)} />
      <TextField
        label={t('grading.form.maxFiles')}
        hint={t('grading.form.maxFilesHint')}
        type="number"
        min={0}
        max={20}
        step={1}
        dir="ltr"
        className="sm:max-w-xs"
        value={values.max_files}
        onChange={(event) => set('max_files', event.target.value)}
        error={errors.max_files}
      />
      <RubricEditor
        rubric={values.rubric}
        points={values.points}
        errors={errors}
        onChange={(rubric) => set('rubric', rubric)}
      />
      <LessonLinkField
        course={course}
        value={values.lesson_id}
        taken={takenLessonIds(assignments, assignment?.id)}
        error={errors.lesson_id}
        onChange={(lessonId) => set('lesson_id', lessonId)}
      />
      <div className="space-y-1">
        <Choice
          type="checkbox"
          label={t('grading.form.published')}
          checked={values.is_published}
          onChange={(event) => set('is_published', event.target.checked)}
        />
        <p className="text-sm text-slate-600">{t('grading.form.publishedHint')}</p>
        {errors.is_published && <p className="text-sm font-medium text-red-700">{errors.is_published}</p>}
      </div>
      <Button type="submit" loading={save.isPending} loadingText={t('grading.form.saving')}>
        {t('grading.form.save')}
      </Button>
    </form>
  )
}
