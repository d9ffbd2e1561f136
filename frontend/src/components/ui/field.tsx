import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react'
import { useTranslation } from 'react-i18next'

import { cn } from './cn'
import { Input } from './input'

/** Props a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface FieldProps {
  label: ReactNode
  error?: string | null | undefined
  hint?: ReactNode
  optional?: boolean
  className?: string
  children: (control: ControlProps) => ReactNode
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 flex items-start gap-1 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠</span>
      <span>{children}</span>
    </p>
  )
}

/** A label, the control, an optional hint and the error text, linked with `aria-describedby`. */
export function Field({ label, error, hint, optional, className, children }: FieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className={cn('space-y-1', className)}>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
        {optional && <span className="ms-1 text-sm font-normal text-slate-600">({t('common.optional')})</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  )
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: ReactNode
  error?: string | null | undefined
  hint?: ReactNode
  optional?: boolean
  ref?: Ref<HTMLInputElement>
}

export function TextField({ label, error, hint, optional, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} optional={optional} className={className}>
      {(control) => <Input {...input} {...control} />}
    </Field>
  )
}

/** A group of radios or checkboxes with one legend and one error. */
export function ChoiceGroup({
  legend,
  error,
  hint,
  children,
  className,
}: {
  legend: ReactNode
  error?: string | null | undefined
  hint?: ReactNode
  children: ReactNode
  className?: string
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  return (
    <fieldset
      className={cn('space-y-2', className)}
      aria-describedby={describedBy || undefined}
      data-invalid={error ? 'true' : undefined}
    >
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {error && <FieldError id={errorId}>{error}</FieldError>}
    </fieldset>
  )
}

/** One radio or checkbox with its label, large enough to tap. */
export function Choice({
  label,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & {
  label: ReactNode
  className?: string
}) {
  return (
    <label
      className={cn(
        'flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2',
        'has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50',
        className,
      )}
    >
      <input className="size-5 accent-brand-700" {...input} />
      <span>{label}</span>
    </label>
  )
}
