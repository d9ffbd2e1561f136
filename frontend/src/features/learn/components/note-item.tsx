import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Note } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Textarea } from '@/components/ui/input'
import { formatClock } from '@/lib/format'

import { useDeleteNote } from '../api/delete-note'
import { useUpdateNote } from '../api/update-note'
import type { PlayerControl } from '../utils/player-control'

/** One note: its moment in the video (click to jump there), text, edit and delete. */
export function NoteItem({ note, player }: { note: Note; player: PlayerControl | null }) {
  const { t } = useTranslation()
  const editId = useId()
  const update = useUpdateNote(note.lesson_id)
  const remove = useDeleteNote(note.lesson_id)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(note.body)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const time = note.timestamp_seconds

  const onSave = () => {
    if (!draft.trim()) return
    update.mutate({ id: note.id, body: { body: draft.trim() } }, { onSuccess: () => setEditing(false) })
  }

  return (
    <li className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      {time !== null &&
        (player ? (
          <button
            type="button"
            onClick={() => player.seek(time)}
            className="rounded bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-800 hover:bg-brand-100"
            aria-label={t('learn.notes.jumpTo', { time: formatClock(time) })}
          >
            <bdi dir="ltr">{formatClock(time)}</bdi>
          </button>
        ) : (
          <span className="text-sm font-semibold text-slate-700">
            <bdi dir="ltr">{formatClock(time)}</bdi>
          </span>
        ))}
      {editing ? (
        <div className="space-y-2">
          <label htmlFor={editId} className="sr-only">
            {t('learn.notes.editLabel')}
          </label>
          <Textarea id={editId} rows={3} dir="auto" value={draft} onChange={(event) => setDraft(event.target.value)} />
          <ApiErrorAlert error={update.error} />
          <div className="flex gap-2">
            <Button size="sm" onClick={onSave} loading={update.isPending}>
              {t('learn.notes.save')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setDraft(note.body)
                setEditing(false)
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="whitespace-pre-line text-slate-800" dir="auto">
          {note.body}
        </p>
      )}
      {!editing && (
        <div className="flex gap-2">
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            {t('learn.notes.edit')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirmOpen(true)}>
            {t('learn.notes.delete')}
          </Button>
        </div>
      )}
      <ApiErrorAlert error={remove.error} />
      <ConfirmDialog
        open={confirmOpen}
        title={t('learn.notes.confirmTitle')}
        confirmLabel={t('learn.notes.confirmDelete')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => remove.mutate(note.id, { onSettled: () => setConfirmOpen(false) })}
        onCancel={() => setConfirmOpen(false)}
        confirming={remove.isPending}
      >
        {t('learn.notes.confirmBody')}
      </ConfirmDialog>
    </li>
  )
}
