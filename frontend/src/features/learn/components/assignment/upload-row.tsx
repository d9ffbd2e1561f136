import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { formatFileSize } from '@/lib/format'
import { percentOf, useUploadJob } from '@/lib/uploads/upload-job'

import { uploadErrorText } from './upload-error'
import type { HandInFile } from './use-hand-in-files'

/** One file of a hand-in on its way up: progress, stop, try again and remove. */
export function UploadRow({
  entry,
  kinds,
  nameWarning,
  disabled,
  onRetry,
  onRemove,
}: {
  entry: HandInFile
  /** The allowed kinds, for messages. */
  kinds: string
  /** Shown when the file's name fits none of the allowed kinds. */
  nameWarning: boolean
  disabled: boolean
  onRetry: () => void
  onRemove: () => void
}) {
  const { t, i18n } = useTranslation()
  const state = useUploadJob(entry.job)
  if (!state) return null
  const name = entry.file.name
  const running = state.phase === 'uploading' || state.phase === 'finishing'
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 font-medium break-all" dir="auto">
          {name}
        </p>
        <span className="text-sm text-slate-600">
          <bdi dir="ltr">{formatFileSize(entry.file.size, i18n.language)}</bdi>
        </span>
      </div>
      {running && (
        <ProgressBar
          value={percentOf(state)}
          label={
            state.phase === 'finishing'
              ? t('assignments.upload.finishing', { name })
              : t('assignments.upload.uploading', { name })
          }
        />
      )}
      {running && state.resumedFrom !== null && (
        <p className="text-sm text-slate-700">
          {t('assignments.upload.resumed', { size: formatFileSize(state.resumedFrom, i18n.language) })}
        </p>
      )}
      {running && nameWarning && (
        <p className="text-sm text-slate-700">{t('assignments.upload.notAllowedName', { kinds })}</p>
      )}
      {state.phase === 'done' && (
        <p className="text-sm font-medium text-brand-800">{t('assignments.upload.done')}</p>
      )}
      {state.phase === 'cancelled' && <p className="text-sm text-slate-700">{t('assignments.upload.cancelled')}</p>}
      {state.phase === 'error' && <Alert tone="error">{uploadErrorText(t, state.error, name, kinds)}</Alert>}
      <div className="flex flex-wrap gap-2">
        {running && (
          <Button size="sm" variant="ghost" onClick={() => entry.job.cancel()}>
            {t('assignments.upload.cancel')}
            <span className="sr-only">: {name}</span>
          </Button>
        )}
        {(state.phase === 'error' || state.phase === 'cancelled') && (
          <Button size="sm" variant="secondary" onClick={onRetry} disabled={disabled}>
            {t('assignments.upload.retry')}
            <span className="sr-only">: {name}</span>
          </Button>
        )}
        {!running && (
          <Button size="sm" variant="ghost" onClick={onRemove} disabled={disabled}>
            {t('assignments.upload.remove')}
            <span className="sr-only">: {name}</span>
          </Button>
        )}
      </div>
    </div>
  )
}
