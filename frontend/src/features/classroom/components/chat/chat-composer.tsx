import { useId, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Textarea } from '@/components/ui/input'

import { CHAT_MAX_LENGTH } from '../../utils/protocol'

export interface ChatDraft {
  body: string
  toTutors: boolean
}

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line. Students may send it only to the tutor.
 * The draft lives with the page so it survives switching tabs.
 */
export function ChatComposer({
  draft,
  onChange,
  onSend,
  canWhisper,
}: {
  draft: ChatDraft
  onChange: (draft: ChatDraft) => void
  /** Returns whether the message went out; the draft is kept when it did not. */
  onSend: (draft: ChatDraft) => boolean
  /** Whether to offer "Only to the tutor" (students). */
  canWhisper: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const counterId = `${id}-counter`
  const length = draft.body.length

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (!draft.body.trim() || length > CHAT_MAX_LENGTH) return
    if (onSend(draft)) onChange({ ...draft, body: '' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    submit()
  }

  return (
    <form onSubmit={submit} className="mt-3 space-y-2">
      <label htmlFor={id} className="sr-only">
        {t('classroom.chat.message')}
      </label>
      <Textarea
        id={id}
        rows={2}
        maxLength={CHAT_MAX_LENGTH}
        value={draft.body}
        placeholder={t('classroom.chat.placeholder')}
        aria-describedby={counterId}
        onChange={(event) => onChange({ ...draft, body: event.target.value })}
        onKeyDown={onKeyDown}
        className="resize-y"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {canWhisper ? (
          <label className="flex min-h-11 cursor-pointer items-center gap-2 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-brand-700"
              checked={draft.toTutors}
              onChange={(event) => onChange({ ...draft, toTutors: event.target.checked })}
            />
            {t('classroom.chat.onlyToTutor')}
          </label>
        ) : (
          <span />
        )}
        <div className="flex items-center gap-3">
          <span
            id={counterId}
            className={cn('text-sm tabular-nums', length >= CHAT_MAX_LENGTH ? 'font-semibold text-red-700' : 'text-slate-600')}
          >
            <span aria-hidden="true">{t('classroom.chat.counter', { count: length, max: CHAT_MAX_LENGTH })}</span>
            <span className="sr-only">{t('classroom.chat.counterLong', { count: length, max: CHAT_MAX_LENGTH })}</span>
          </span>
          <Button type="submit">{t('classroom.chat.send')}</Button>
        </div>
      </div>
    </form>
  )
}
