import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

import { nextCriterionId, rubricTotal, type AssignmentFormErrors, type CriterionValues } from './assignment-form-model'

/**
 * Criteria with the points each is worth; they must add up to the assignment's points. Rows move
 * with buttons (not only by dragging) so keyboards and screen readers can reorder them.
 */
export function RubricEditor({
  rubric,
  points,
  errors,
  onChange,
}: {
  rubric: CriterionValues[]
  points: string
  errors: AssignmentFormErrors
  onChange: (rubric: CriterionValues[]) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  const total = rubricTotal(rubric)

  const update = (index: number, patch: Partial<CriterionValues>) =>
    onChange(rubric.map((criterion, i) => (i === index ? { ...criterion, ...patch } : criterion)))
  const move = (index: number, offset: number) => {
    const next = [...rubric]
    const [row] = next.splice(index, 1)
    if (row) next.splice(index + offset, 0, row)
    onChange(next)
  }

  return (
    <fieldset
      className="space-y-3"
      data-invalid={errors.rubric ? 'true' : undefined}
      aria-describedby={errors.rubric ? `${baseId}-error` : undefined}
    >
      <legend className="font-medium text-slate-900">{t('grading.rubric.legend')}</legend>
      <p className="text-sm text-slate-600">{t('grading.rubric.hint')}</p>
      {rubric.length > 0 && (
        <ol className="space-y-3">
          {rubric.map((criterion, index) => (
            <CriterionRow
              key={criterion.id}
              baseId={baseId}
              criterion={criterion}
              index={index}
              last={index === rubric.length - 1}
              errors={errors}
              onChange={(patch) => update(index, patch)}
              onMove={(offset) => move(index, offset)}
              onRemove={() => onChange(rubric.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      )}
      {rubric.length > 0 && (
        <p className="text-sm text-slate-700" aria-live="polite">
          {t('grading.rubric.total', { total, points })}
        </p>
      )}
      {errors.rubric && <FieldError id={`${baseId}-error`}>{errors.rubric}</FieldError>}
      <Button
        variant="secondary"
        onClick={() => onChange([...rubric, { id: nextCriterionId(rubric), title: '', points: '' }])}
      >
        <span aria-hidden="true">+</span>
        {t('grading.rubric.add')}
      </Button>
    </fieldset>
  )
}

function CriterionRow({
  baseId,
  criterion,
  index,
  last,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  baseId: string
  criterion: CriterionValues
  index: number
  last: boolean
  errors: AssignmentFormErrors
  onChange: (patch: Partial<CriterionValues>) => void
  onMove: (offset: number) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const n = index + 1
  const titleError = errors[`rubric.${index}.title`]
  const pointsError = errors[`rubric.${index}.points`]
  const titleId = `${baseId}-${criterion.id}-title`
  const pointsId = `${baseId}-${criterion.id}-points`
  return (
    <li className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <div className="space-y-1">
          <label htmlFor={titleId} className="block text-sm font-medium">
            {t('grading.rubric.criterion', { n })}
          </label>
          <Input
            id={titleId}
            dir="auto"
            maxLength={200}
            value={criterion.title}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${titleId}-error` : undefined}
            onChange={(event) => onChange({ title: event.target.value })}
          />
          {titleError && <FieldError id={`${titleId}-error`}>{titleError}</FieldError>}
        </div>
        <div className="space-y-1">
          <label htmlFor={pointsId} className="block text-sm font-medium">
            {t('grading.rubric.marks', { n })}
          </label>
          <Input
            id={pointsId}
            type="number"
            min={1}
            max={1000}
            step={1}
            dir="ltr"
            value={criterion.points}
            aria-invalid={pointsError ? true : undefined}
            aria-describedby={pointsError ? `${pointsId}-error` : undefined}
            onChange={(event) => onChange({ points: event.target.value })}
          />
          {pointsError && <FieldError id={`${pointsId}-error`}>{pointsError}</FieldError>}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant="ghost"
          size="sm"
          className="min-w-9"
          aria-label={t('grading.rubric.moveUp', { n })}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <span aria-hidden="true">↑</span>
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="min-w-9"
          aria-label={t('grading.rubric.moveDown', { n })}
          disabled={last}
          onClick={() => onMove(1)}
        >
          <span aria-hidden="true">↓</span>
        </Button>
        <Button
          variant="ghost"
          size="sm"
          className="text-red-700"
          aria-label={t('grading.rubric.remove', { n })}
          onClick={onRemove}
        >
          {t('grading.rubric.removeShort')}
        </Button>
      </div>
    </li>
  )
}
