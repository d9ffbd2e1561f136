import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'

import { useAdmittedRoom } from '../../hooks/room-context'
import { QUESTION_MAX_LENGTH } from '../../utils/protocol'

/** A student asks the tutor a question, under their name or hidden from classmates. */
export function QuestionForm() {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const hintId = useId()
  const [body, setBody] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!body.trim()) {
      setError(t('classroom.qa.required'))
      box.current?.focus()
      return
    }
    if (act({ type: 'qa.ask', body: body.trim(), ...(anonymous ? { anonymous: true } : {}) })) {
      setBody('')
      setAnonymous(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field label={t('classroom.qa.yourQuestion')} error={error}>
        {(control) => (
          <Textarea
            {...control}
            ref={box}
            rows={2}
            maxLength={QUESTION_MAX_LENGTH}
            value={body}
            placeholder={t('classroom.qa.placeholder')}
            onChange={(event) => {
              setBody(event.target.value)
              if (error) setError(null)
            }}
            className="resize-y"
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <label className="flex min-h-11 cursor-pointer items-center gap-2 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              className="size-5 accent-brand-700"
              aria-describedby={hintId}
              checked={anonymous}
              onChange={(event) => setAnonymous(event.target.checked)}
            />
            {t('classroom.qa.anonymous')}
          </label>
          <p id={hintId} className="text-sm text-slate-600">
            {t('classroom.qa.anonymousHint')}
          </p>
        </div>
        <Button type="submit">{t('classroom.qa.ask')}</Button>
      </div>
    </form>
  )
}
