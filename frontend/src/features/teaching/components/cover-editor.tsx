import { useEffect, useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { CourseDetail } from '@/api/types'
import { CourseCover } from '@/components/course/course-cover'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { FieldError } from '@/components/ui/field'
import { ProgressBar } from '@/components/ui/progress-bar'
import { notify } from '@/lib/notices'

import { useDeleteCover } from '../api/delete-cover'
import { COVER_MAX_BYTES, COVER_TYPES, useUploadCover } from '../api/upload-cover'

/** The course cover: pick → preview → upload with progress; remove after confirming. */
export function CoverEditor({ course, error }: { course: CourseDetail; error?: string | undefined }) {
  const { t } = useTranslation()
  const id = useId()
  const upload = useUploadCover(course.slug)
  const remove = useDeleteCover(course.slug)
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [localError, setLocalError] = useState<string | null>(null)
  const [progress, setProgress] = useState(0)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const shownError = localError ?? error

  useEffect(() => {
    return () => {
      if (preview) URL.revokeObjectURL(preview)
    }
  }, [preview])

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    upload.reset()
    const picked = event.target.files?.[0] ?? null
    event.target.value = ''
    if (!picked) return
    const problem = !(COVER_TYPES as readonly string[]).includes(picked.type)
      ? t('teaching.cover.badType')
      : picked.size > COVER_MAX_BYTES
        ? t('teaching.cover.tooLarge')
        : null
    if (problem) {
      setLocalError(problem)
      return
    }
    setLocalError(null)
    setFile(picked)
    setPreview(typeof URL.createObjectURL === 'function' ? URL.createObjectURL(picked) : null)
  }

  const clear = () => {
    setFile(null)
    setPreview(null)
    setProgress(0)
  }

  const onUpload = () => {
    if (!file) return
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: () => {
          clear()
          notify(t('teaching.cover.uploaded'))
        },
      },
    )
  }

  return (
    <div className="space-y-3">
      <div className="max-w-sm overflow-hidden rounded-md border border-slate-200">
        {preview ? (
          <img src={preview} alt={t('teaching.cover.preview')} className="aspect-video w-full object-cover" />
        ) : (
          <CourseCover src={course.cover_url} title={course.title} />
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <label
          htmlFor={id}
          className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 font-semibold hover:bg-slate-100 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600"
        >
          {course.cover_url ? t('teaching.cover.replace') : t('teaching.cover.choose')}
          <input
            id={id}
            type="file"
            accept={COVER_TYPES.join(',')}
            className="sr-only"
            onChange={onPick}
            disabled={upload.isPending}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={[`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(' ')}
          />
        </label>
        {course.cover_url && !file && (
          <Button variant="ghost" onClick={() => setConfirmOpen(true)}>
            {t('teaching.cover.remove')}
          </Button>
        )}
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t('teaching.cover.hint')}
      </p>
      {shownError && <FieldError id={`${id}-error`}>{shownError}</FieldError>}
      {file && (
        <div className="space-y-3 rounded-md bg-slate-50 p-3">
          <p className="truncate text-sm" dir="auto">
            {file.name}
          </p>
          {upload.isPending && <ProgressBar value={progress} label={t('teaching.cover.progress')} />}
          <div className="flex gap-2">
            <Button onClick={onUpload} loading={upload.isPending} loadingText={t('teaching.cover.uploading')}>
              {t('teaching.cover.upload')}
            </Button>
            <Button variant="ghost" onClick={clear} disabled={upload.isPending}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      )}
      <ApiErrorAlert error={upload.error ?? remove.error} />
      <ConfirmDialog
        open={confirmOpen}
        title={t('teaching.cover.confirmTitle')}
        confirmLabel={t('teaching.cover.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setConfirmOpen(false) })}
        onCancel={() => setConfirmOpen(false)}
        confirming={remove.isPending}
      >
        {t('teaching.cover.confirmBody')}
      </ConfirmDialog>
    </div>
  )
}
