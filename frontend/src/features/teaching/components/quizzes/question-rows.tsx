import { useId, type ReactNode } from 'react'

import { Button } from '@/components/ui/button'
import { ChoiceGroup, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

const removeButton =
  'inline-flex size-11 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:opacity-40'

export interface QuestionRow {
  /** Stable across edits: the row's React key and part of its input's id. */
  key: string | number
  text: string
  error: string | undefined
  /** Shown before the text input, such as the "correct" mark of a choice. */
  leading?: ReactNode
}

/**
 * A numbered list of text rows (a question's choices or accepted answers): a labelled input and a
 * remove button on each row, an add button below, and no fewer than `min` or more than `max` rows.
 */
export function QuestionRows({
  legend,
  hint,
  error,
  rows,
  min,
  max,
  maxLength,
  rowLabel,
  removeLabel,
  addLabel,
  onText,
  onAdd,
  onRemove,
}: {
  legend: string
  hint: string
  error: string | undefined
  rows: readonly QuestionRow[]
  min: number
  max: number
  maxLength: number
  rowLabel: (number: number) => string
  removeLabel: (number: number) => string
  addLabel: string
  onText: (index: number, text: string) => void
  onAdd: () => void
  onRemove: (index: number) => void
}) {
  const baseId = useId()
  return (
    <ChoiceGroup legend={legend} hint={hint} error={error}>
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const number = index + 1
          const inputId = `${baseId}-${row.key}`
          const errorId = `${inputId}-error`
          return (
            <li key={row.key}>
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
                {rowLabel(number)}
              </label>
              <div className="mt-1 flex items-center gap-2">
                {row.leading}
                <Input
                  id={inputId}
                  dir="auto"
                  maxLength={maxLength}
                  className="min-w-0 flex-1"
                  value={row.text}
                  aria-invalid={row.error ? true : undefined}
                  aria-describedby={row.error ? errorId : undefined}
                  onChange={(event) => onText(index, event.target.value)}
                />
                <button
                  type="button"
                  className={removeButton}
                  disabled={rows.length <= min}
                  onClick={() => onRemove(index)}
                  aria-label={removeLabel(number)}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </div>
              {row.error && <FieldError id={errorId}>{row.error}</FieldError>}
            </li>
          )
        })}
      </ol>
      <Button variant="secondary" size="sm" onClick={onAdd} disabled={rows.length >= max}>
        {addLabel}
      </Button>
    </ChoiceGroup>
  )
}
