import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { formatFileSize } from '@/lib/format'
import { uploadErrorMessage } from '@/lib/uploads/upload-errors'
import { percentOf, useUploadJob, type UploadJob } from '@/lib/uploads/upload-job'

/** One file on its way up: name, progress, "resumed" note, errors and a cancel button. */
export function UploadProgress<T>({ job, onDismiss }: { job: UploadJob<T>; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation()
  const state = useUploadJob(job)
  if (!state) return null
  const name = job.file.name
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 truncate font-medium" dir="auto">
          {name}
        </p>
        <span className="text-sm text-slate-600">
          <bdi dir="ltr">{formatFileSize(job.file.size, i18n.language)}</bdi>
        </span>
      </div>
      {(state.phase === 'uploading' || state.phase === 'finishing') && (
        <ProgressBar
          value={percentOf(state)}
          label={state.phase === 'finishing' ? t('uploads.finishing', { name }) : t('uploads.uploading', { name })}
        />
      )}
      {state.resumedFrom !== null && state.phase === 'uploading' && (
        <p className="text-sm text-slate-700">
          {t('uploads.resumed', { size: formatFileSize(state.resumedFrom, i18n.language) })}
        </p>
      )}
      {state.phase === 'done' && <p className="text-sm font-medium text-brand-800">{t('uploads.done', { name })}</p>}
      {state.phase === 'cancelled' && <p className="text-sm text-slate-700">{t('uploads.cancelled')}</p>}
      {state.phase === 'error' && (
        <Alert tone="error">
          <p>{uploadErrorMessage(t, state.error)}</p>
          <p className="text-sm">{t('uploads.retryHint')}</p>
        </Alert>
      )}
      <div className="flex gap-2">
        {state.phase === 'uploading' && (
          <Button size="sm" variant="ghost" onClick={() => job.cancel()}>
            {t('uploads.cancel')}
            <span className="sr-only">: {name}</span>
          </Button>
        )}
        {onDismiss && state.phase !== 'uploading' && state.phase !== 'finishing' && (
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            {t('common.dismiss')}
            <span className="sr-only">: {name}</span>
          </Button>
        )}
      </div>
    </div>
  )
}
