import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import { notify } from '@/lib/notices'

import { useAdmittedRoom } from '../../hooks/room-context'
import { CHAT_MAX_LENGTH } from '../../utils/protocol'

/** One message shown prominently in every breakout room at once. */
export function BroadcastForm({ lastBroadcast }: { lastBroadcast: string | null }) {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!body.trim()) {
      setError(t('classroom.breakout.broadcastRequired'))
      box.current?.focus()
      return
    }
    if (act({ type: 'breakout.broadcast', body: body.trim() })) {
      setBody('')
      notify(t('classroom.breakout.broadcastSent'), 'info')
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field label={t('classroom.breakout.broadcastLabel')} error={error}>
        {(control) => (
          <Textarea
            {...control}
            ref={box}
            rows={2}
            maxLength={CHAT_MAX_LENGTH}
            value={body}
            onChange={(event) => {
              setBody(event.target.value)
              if (error) setError(null)
            }}
            className="resize-y"
          />
        )}
      </Field>
      <Button type="submit" variant="secondary">
        {t('classroom.breakout.broadcastSend')}
      </Button>
      {lastBroadcast && (
        <p className="text-sm break-words text-slate-700">{t('classroom.breakout.lastBroadcast', { body: lastBroadcast })}</p>
      )}
    </form>
  )
}
