import { useState, type FormEvent, type ReactNode } from 'react'

import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Dialog } from '@/components/ui/dialog'
import { Textarea } from '@/components/ui/input'

import { useEarningsT } from '../i18n'
import { formErrors } from '../utils/server-errors'

/** The server keeps admins' notes under this many characters. */
export const NOTE_MAX = 300

/**
 * A confirmation that needs a note (why a payout is rejected, the transfer reference of one paid):
 * the note is required, and the server's refusal shows in the dialog, beside the note when it is about it.
 */
export function NoteDialog({
  open,
  title,
  children,
  noteLabel,
  noteHint,
  confirmLabel,
  tone = 'primary',
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean
  title: ReactNode
  children: ReactNode
  noteLabel: string
  noteHint?: string
  confirmLabel: string
  tone?: 'primary' | 'danger'
  pending: boolean
  error: unknown
  onConfirm: (note: string) => void
  onClose: () => void
}) {
  const { t } = useEarningsT()
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  const server = formErrors(error, ['note'] as const)
  const noteError = missing ? t('earnings.adminPayouts.noteRequired') : server.fieldErrors.note

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const text = note.trim()
    setMissing(!text)
    if (text) onConfirm(text)
  }

  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="text-slate-800">{children}</div>
        {!server.handled && <ApiErrorAlert error={error} extraMessages={server.otherMessages} />}
        <Field label={noteLabel} hint={noteHint} error={noteError}>
          {(control) => (
            <Textarea
              {...control}
              dir="auto"
              rows={3}
              maxLength={NOTE_MAX}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t('earnings.common.cancel')}
          </Button>
          <Button type="submit" variant={tone} loading={pending}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
