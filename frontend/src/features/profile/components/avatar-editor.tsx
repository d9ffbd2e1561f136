import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { User } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { FieldError } from '@/components/ui/field'
import { ProgressBar } from '@/components/ui/progress-bar'
import { notify } from '@/lib/notices'

import { useDeleteAvatar } from '../api/delete-avatar'
import { AVATAR_MAX_BYTES, AVATAR_TYPES, useUploadAvatar } from '../api/upload-avatar'

interface Selection {
  file: File
  previewUrl: string | null
}

function previewUrlFor(file: File): string | null {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null
}

/** Current photo, pick → preview → upload with progress, and remove (after confirming). */
export function AvatarEditor({ user }: { user: User }) {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const inputRef = useRef<HTMLInputElement>(null)
  const [selection, setSelection] = useState<Selection | null>(null)
  const [localError, setLocalError] = useState<string | null>(null)
  const [progress, setProgress] = useState(0)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const file = selection?.file ?? null
  const preview = selection?.previewUrl ?? null
  const upload = useUploadAvatar()
  const remove = useDeleteAvatar()

  // Free the preview's memory when it is replaced or the page closes.
  useEffect(() => {
    const url = selection?.previewUrl
    return () => {
      if (url) URL.revokeObjectURL(url)
    }
  }, [selection])

  const clearSelection = () => {
    setSelection(null)
    setProgress(0)
    if (inputRef.current) inputRef.current.value = ''
  }

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    upload.reset()
    remove.reset()
    const picked = event.target.files?.[0] ?? null
    if (!picked) return
    if (!(AVATAR_TYPES as readonly string[]).includes(picked.type)) {
      setLocalError(t('profile.avatar.badType'))
      setSelection(null)
      return
    }
    if (picked.size > AVATAR_MAX_BYTES) {
      setLocalError(t('errors.file_too_large'))
      setSelection(null)
      return
    }
    setLocalError(null)
    setSelection({ file: picked, previewUrl: previewUrlFor(picked) })
  }

  const onUpload = () => {
    if (!file) return
    setProgress(0)
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: () => {
          clearSelection()
          notify(t('profile.avatar.uploaded'))
        },
      },
    )
  }

  const onRemove = () => {
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirmOpen(false)
        notify(t('profile.avatar.removed'))
      },
      onError: () => setConfirmOpen(false),
    })
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-5">
        <Avatar
          src={preview ?? user.avatar_url}
          name={user.full_name}
          size="lg"
          alt={preview ? t('profile.avatar.preview') : t('profile.avatar.current')}
        />
        <div className="space-y-2">
          <label
            htmlFor={inputId}
            className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-100 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600"
          >
            {t('profile.avatar.choose')}
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept={AVATAR_TYPES.join(',')}
              className="sr-only"
              aria-describedby={[hintId, localError ? errorId : null].filter(Boolean).join(' ')}
              aria-invalid={localError ? true : undefined}
              onChange={onPick}
              disabled={upload.isPending}
            />
          </label>
          <p id={hintId} className="text-sm text-slate-600">
            {t('profile.avatar.hint')}
          </p>
          {localError && <FieldError id={errorId}>{localError}</FieldError>}
        </div>
      </div>

      {file && (
        <div className="space-y-3 rounded-md bg-slate-50 p-4">
          <p className="truncate text-sm text-slate-700" dir="auto">
            {file.name}
          </p>
          {upload.isPending && <ProgressBar value={progress} label={t('profile.avatar.progress')} />}
          <div className="flex flex-wrap gap-2">
            <Button onClick={onUpload} loading={upload.isPending} loadingText={t('profile.avatar.uploading')}>
              {t('profile.avatar.upload')}
            </Button>
            <Button variant="ghost" onClick={clearSelection} disabled={upload.isPending}>
              {t('profile.avatar.cancel')}
            </Button>
          </div>
        </div>
      )}

      <ApiErrorAlert error={upload.error ?? remove.error} />

      {user.avatar_url && !file && (
        <Button variant="secondary" onClick={() => setConfirmOpen(true)}>
          {t('profile.avatar.remove')}
        </Button>
      )}

      <ConfirmDialog
        open={confirmOpen}
        title={t('profile.avatar.confirmTitle')}
        confirmLabel={t('profile.avatar.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={onRemove}
        onCancel={() => setConfirmOpen(false)}
        confirming={remove.isPending}
      >
        {t('profile.avatar.confirmBody')}
      </ConfirmDialog>
    </div>
  )
}
