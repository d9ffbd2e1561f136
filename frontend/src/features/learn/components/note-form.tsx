import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { formatClock } from '@/lib/format'

import { useCreateNote } from '../api/create-note'
import type { PlayerControl } from '../utils/player-control'

/** A new note, anchored to the video time at the moment the student started writing. */
export function NoteForm({ lessonId, player }: { lessonId: string; player: PlayerControl | null }) {
  const { t } = useTranslation()
  const id = useId()
  const create = useCreateNote(lessonId)
  const [body, setBody] = useState('')
  const [at, setAt] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  const capture = () => {
    const time = player?.currentTime()
    if (at === null && time !== null && time !== undefined) setAt(Math.floor(time))
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!body.trim()) {
      setError(t('learn.notes.bodyRequired'))
      return
    }
    setError(null)
    create.mutate(
      { body: body.trim(), timestamp_seconds: at },
      {
        onSuccess: () => {
          setBody('')
          setAt(null)
        },
      },
    )
  }

  const describedBy = [at !== null ? `${id}-at` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <label htmlFor={id} className="block font-medium">
        {t('learn.notes.add')}
      </label>
      <Textarea
        id={id}
        rows={3}
        dir="auto"
        value={body}
        onFocus={capture}
        onChange={(event) => {
          capture()
          setBody(event.target.value)
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {at !== null && (
        <p id={`${id}-at`} className="text-sm text-slate-600">
          {t('learn.notes.at', { time: formatClock(at) })}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      <ApiErrorAlert error={create.error} />
      <Button type="submit" size="sm" loading={create.isPending} loadingText={t('learn.notes.saving')}>
        {t('learn.notes.save')}
      </Button>
    </form>
  )
}
