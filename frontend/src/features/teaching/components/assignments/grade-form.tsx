import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { Assignment, SubmissionForTutor } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'
import { notify } from '@/lib/notices'

import { useGradeSubmission } from '../../api/submission-grade'
import { useReturnSubmission } from '../../api/submission-return'
import {
  afterLatePenalty,
  capScore,
  formatScore,
  gradeProblems,
  gradeTotal,
  gradeValues,
  sameGrade,
  toGradeBody,
  type GradeValues,
} from './grade-model'
import { gradingErrorMessage } from './grading-errors'

/**
 * A score per rubric criterion (or one score), feedback, and the total after any late penalty,
 * worked out as the tutor types. Saving keeps the grade from the student until it is returned.
 */
export function GradeForm({ assignment, submission }: { assignment: Assignment; submission: SubmissionForTutor }) {
  const { t } = useTranslation()
  const grade = useGradeSubmission()
  const giveBack = useReturnSubmission()
  const { ref, focusInvalid } = useInvalidFocus()
  const [initial, setInitial] = useState<GradeValues>(() => gradeValues(submission))
  const [values, setValues] = useState<GradeValues>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<{ error: unknown; other: string[] } | null>(null)
  const dirty = !sameGrade(values, initial)
  const busy = grade.isPending || giveBack.isPending

  /** Checks the form; false (with the errors shown) when it can't be sent. */
  const check = (): boolean => {
    const next: Record<string, string> = {}
    for (const [field, problem] of Object.entries(gradeProblems(assignment, values))) {
      next[field] = problem === 'missing' ? t('grading.grade.scoreRequired') : t('grading.grade.scoreInvalid')
    }
    setErrors(next)
    setFailure(null)
    if (Object.keys(next).length > 0) focusInvalid()
    return Object.keys(next).length === 0
  }

  const showFailure = (error: unknown) => {
    const fieldErrors: Record<string, string> = {}
    const other: string[] = []
    if (isApiError(error)) {
      for (const [key, messages] of Object.entries(error.fields)) {
        if ((key === 'score' || key === 'feedback') && messages[0]) fieldErrors[key] = messages[0]
        else other.push(...messages)
      }
    }
    setErrors(fieldErrors)
    setFailure({ error, other })
    if (Object.keys(fieldErrors).length > 0) focusInvalid()
  }

  const saveGrade = async (): Promise<SubmissionForTutor> => {
    const saved = await grade.mutateAsync({ id: submission.id, body: toGradeBody(assignment, values) })
    const next = gradeValues(saved)
    setInitial(next)
    setValues(next)
    return saved
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!check()) return
    try {
      await saveGrade()
      notify(t('grading.grade.saved'))
    } catch (error) {
      showFailure(error)
    }
  }

  const onReturn = async () => {
    if (!check()) return
    try {
      if (dirty || submission.status === 'submitted') await saveGrade()
      await giveBack.mutateAsync(submission.id)
      notify(t('grading.grade.returnedTo', { name: submission.student.full_name }))
    } catch (error) {
      showFailure(error)
    }
  }

  return (
    <form ref={ref} onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-5">
      {failure && (
        <Alert tone="error">
          <p>{gradingErrorMessage(t, failure.error)}</p>
          {failure.other.length > 0 && (
            <ul className="mt-1 list-disc ps-5">
              {failure.other.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <ScoreInputs assignment={assignment} values={values} errors={errors} onChange={setValues} />
      <GradeSummary assignment={assignment} submission={submission} values={values} />
      <Field label={t('grading.grade.feedback')} hint={t('grading.grade.feedbackHint')} error={errors.feedback}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={6}
            maxLength={20000}
            value={values.feedback}
            onChange={(event) => setValues((current) => ({ ...current, feedback: event.target.value }))}
          />
        )}
      </Field>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" loading={grade.isPending && !giveBack.isPending} disabled={busy}>
          {t('grading.grade.save')}
        </Button>
        <Button
          variant="secondary"
          loading={giveBack.isPending}
          disabled={busy || (submission.status === 'returned' && !dirty)}
          onClick={() => void onReturn()}
        >
          {t('grading.grade.return')}
        </Button>
      </div>
    </form>
  )
}

/** One input per rubric criterion, labelled with its title, or a single "Score". */
function ScoreInputs({
  assignment,
  values,
  errors,
  onChange,
}: {
  assignment: Assignment
  values: GradeValues
  errors: Record<string, string>
  onChange: (update: (current: GradeValues) => GradeValues) => void
}) {
  const { t } = useTranslation()
  if (assignment.rubric.length === 0) {
    return (
      <Field
        label={t('grading.grade.score')}
        hint={t('grading.grade.outOf', { points: assignment.points })}
        error={errors.score}
        className="sm:max-w-xs"
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            min={0}
            max={assignment.points}
            step="any"
            dir="ltr"
            value={values.score}
            onChange={(event) => {
              const score = capScore(event.target.value, assignment.points)
              onChange((current) => ({ ...current, score }))
            }}
          />
        )}
      </Field>
    )
  }
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium text-slate-900">{t('grading.grade.rubric')}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {assignment.rubric.map((criterion) => (
          <Field
            key={criterion.id}
            label={<span dir="auto">{criterion.title}</span>}
            hint={t('grading.grade.outOf', { points: criterion.points })}
            error={errors[criterion.id]}
          >
            {(control) => (
              <Input
                {...control}
                type="number"
                min={0}
                max={criterion.points}
                step="any"
                dir="ltr"
                value={values.scores[criterion.id] ?? ''}
                onChange={(event) => {
                  const score = capScore(event.target.value, criterion.points)
                  onChange((current) => ({ ...current, scores: { ...current.scores, [criterion.id]: score } }))
                }}
              />
            )}
          </Field>
        ))}
      </div>
      {errors.score && <p className="text-sm font-medium text-red-700">{errors.score}</p>}
    </fieldset>
  )
}

/** The total as typed and, for late work with a penalty, what the student will get. */
function GradeSummary({
  assignment,
  submission,
  values,
}: {
  assignment: Assignment
  submission: SubmissionForTutor
  values: GradeValues
}) {
  const { t, i18n } = useTranslation()
  const total = gradeTotal(assignment, values)
  const penalised = submission.is_late && assignment.late_policy === 'penalty'
  const score = (value: number) => formatScore(value, i18n.language)
  return (
    <div aria-live="polite" className="space-y-1 rounded-md bg-slate-50 p-3">
      <p className="font-semibold">
        {t('grading.grade.total', { score: total === null ? '—' : score(total), points: assignment.points })}
      </p>
      {penalised && (
        <p className="text-sm text-slate-700">
          {t('grading.grade.penalty', { percent: assignment.late_penalty_percent })}
        </p>
      )}
      {penalised && total !== null && (
        <p className="font-semibold">
          {t('grading.grade.final', {
            score: score(afterLatePenalty(total, assignment, submission)),
            points: assignment.points,
          })}
        </p>
      )}
    </div>
  )
}
