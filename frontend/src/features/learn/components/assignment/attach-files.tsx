import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'
import { FieldError } from '@/components/ui/field'

import { acceptFor, nameFits, type SubmissionKind } from './file-kinds'
import { UploadRow } from './upload-row'
import type { useHandInFiles } from './use-hand-in-files'

/** "Attach files": a multi-file picker within the assignment's limits, and a row per upload. */
export function AttachFiles({
  uploads,
  allowed,
  kindsText,
  maxFiles,
  error,
  disabled,
}: {
  uploads: ReturnType<typeof useHandInFiles>
  allowed: readonly SubmissionKind[]
  kindsText: string
  maxFiles: number
  error: string | undefined
  disabled: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const [leftOut, setLeftOut] = useState(0)
  const remaining = maxFiles - uploads.files.length
  const full = remaining <= 0
  const describedBy = [`${id}-hint`, leftOut > 0 ? `${id}-left-out` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')

  const onFiles = (picked: File[]) => {
    const taken = picked.slice(0, Math.max(0, remaining))
    setLeftOut(picked.length - taken.length)
    if (taken.length > 0) uploads.add(taken)
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label
          htmlFor={id}
          className={cn(
            'inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4',
            'font-semibold text-slate-900 hover:bg-slate-100',
            'has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60',
            'has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
            error && 'border-red-700 ring-1 ring-red-700',
          )}
        >
          {t('assignments.handIn.attach')}
          <input
            id={id}
            type="file"
            multiple={maxFiles > 1}
            accept={acceptFor(allowed)}
            disabled={disabled || full}
            className="sr-only"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              const picked = Array.from(event.target.files ?? [])
              event.target.value = ''
              if (picked.length > 0) onFiles(picked)
            }}
          />
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {full
            ? t('assignments.handIn.attachFull', { count: maxFiles })
            : t('assignments.handIn.attachHint', {
                kinds: kindsText,
                max: t('assignments.files.max', { count: maxFiles }),
              })}
        </p>
        {leftOut > 0 && (
          <p id={`${id}-left-out`} role="status" className="text-sm font-medium text-slate-900">
            {t('assignments.handIn.leftOut', { count: leftOut, max: maxFiles })}
          </p>
        )}
        {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      </div>
      {uploads.files.length > 0 && (
        <ul aria-label={t('assignments.handIn.newFiles')} className="space-y-2">
          {uploads.files.map((entry) => (
            <li key={entry.key}>
              <UploadRow
                entry={entry}
                kinds={kindsText}
                nameWarning={!nameFits(entry.file.name, allowed)}
                disabled={disabled}
                onRetry={() => uploads.retry(entry.key)}
                onRemove={() => {
                  setLeftOut(0)
                  uploads.remove(entry.key)
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
