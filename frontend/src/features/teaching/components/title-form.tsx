import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

/** A one-field form for a title: adding a section or lesson, or renaming a section. */
export function TitleForm({
  label,
  submitLabel,
  initial = '',
  pending,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  label: string
  submitLabel: string
  initial?: string
  pending: boolean
  error: unknown
  onSubmit: (title: string) => void
  onCancel?: () => void
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const id = useId()
  const [title, setTitle] = useState(initial)
  const [invalid, setInvalid] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!title.trim()) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    onSubmit(title.trim())
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1 space-y-1">
          <label htmlFor={id} className="block text-sm font-medium">
            {label}
          </label>
          <Input
            id={id}
            dir="auto"
            maxLength={120}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
          />
        </div>
        {children}
        <Button type="submit" variant="secondary" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
      {invalid && <FieldError id={`${id}-error`}>{t('teaching.syllabus.titleRequired')}</FieldError>}
      <ApiErrorAlert error={error} />
    </form>
  )
}
