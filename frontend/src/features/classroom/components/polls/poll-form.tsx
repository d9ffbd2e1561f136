import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'

import { useAdmittedRoom } from '../../hooks/room-context'
import {
  POLL_MAX_OPTIONS,
  POLL_MIN_OPTIONS,
  POLL_OPTION_MAX_LENGTH,
  POLL_QUESTION_MAX_LENGTH,
} from '../../utils/protocol'

interface OptionDraft {
  /** Stable across removals, so each input keeps its own text. */
  key: number
  text: string
}

interface Errors {
  question?: string
  options: Record<number, string>
}

const blank = (key: number): OptionDraft => ({ key, text: '' })

/** The tutor starts a poll: a question, 2–10 answers, and whether several may be chosen. */
export function PollForm() {
  const { t } = useTranslation()
  const { act } = useAdmittedRoom()
  const headingId = useId()
  const [question, setQuestion] = useState('')
  const [options, setOptions] = useState<OptionDraft[]>([blank(1), blank(2)])
  const [nextKey, setNextKey] = useState(3)
  const [multiple, setMultiple] = useState(false)
  const [errors, setErrors] = useState<Errors>({ options: {} })
  const inputs = useRef(new Map<number, HTMLInputElement>())
  const questionRef = useRef<HTMLInputElement>(null)
  const focusKey = useRef<number | null>(null)

  // After adding or removing an option, focus lands on the option it concerns instead of being lost.
  useEffect(() => {
    if (focusKey.current === null) return
    inputs.current.get(focusKey.current)?.focus()
    focusKey.current = null
  })

  const add = () => {
    if (options.length >= POLL_MAX_OPTIONS) return
    setOptions([...options, blank(nextKey)])
    focusKey.current = nextKey
    setNextKey(nextKey + 1)
  }

  const remove = (index: number) => {
    const next = options.filter((_, i) => i !== index)
    setOptions(next)
    setErrors({ ...errors, options: {} })
    focusKey.current = next[Math.min(index, next.length - 1)]?.key ?? null
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found: Errors = { options: {} }
    if (!question.trim()) found.question = t('classroom.polls.questionRequired')
    options.forEach((option) => {
      if (!option.text.trim()) found.options[option.key] = t('classroom.polls.optionRequired')
    })
    const firstBad = options.find((option) => found.options[option.key])
    if (found.question || firstBad) {
      setErrors(found)
      if (found.question) questionRef.current?.focus()
      else if (firstBad) inputs.current.get(firstBad.key)?.focus()
      return
    }
    const sent = act({
      type: 'poll.create',
      question: question.trim(),
      options: options.map((option) => option.text.trim()),
      ...(multiple ? { multiple: true } : {}),
    })
    if (!sent) return
    setQuestion('')
    setOptions([blank(nextKey), blank(nextKey + 1)])
    setNextKey(nextKey + 2)
    setMultiple(false)
    setErrors({ options: {} })
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="font-semibold text-slate-900">
        {t('classroom.polls.newHeading')}
      </h2>
      <TextField
        ref={questionRef}
        label={t('classroom.polls.question')}
        placeholder={t('classroom.polls.questionPlaceholder')}
        maxLength={POLL_QUESTION_MAX_LENGTH}
        value={question}
        error={errors.question}
        onChange={(event) => {
          setQuestion(event.target.value)
          if (errors.question) setErrors({ ...errors, question: undefined })
        }}
      />
      <div className="space-y-3">
        <p className="text-sm text-slate-700">{t('classroom.polls.optionsHint')}</p>
        {options.map((option, index) => (
          <div key={option.key} className="flex items-start gap-2">
            <TextField
              ref={(node) => {
                if (node) inputs.current.set(option.key, node)
                else inputs.current.delete(option.key)
              }}
              className="min-w-0 flex-1"
              label={t('classroom.polls.option', { number: index + 1 })}
              maxLength={POLL_OPTION_MAX_LENGTH}
              value={option.text}
              error={errors.options[option.key]}
              onChange={(event) =>
                setOptions(options.map((o) => (o.key === option.key ? { ...o, text: event.target.value } : o)))
              }
            />
            {options.length > POLL_MIN_OPTIONS && (
              <Button
                variant="ghost"
                className="mt-7 min-w-11 px-2"
                aria-label={t('classroom.polls.removeOption', { number: index + 1 })}
                title={t('classroom.polls.removeOption', { number: index + 1 })}
                onClick={() => remove(index)}
              >
                <span aria-hidden="true">✕</span>
              </Button>
            )}
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={add} disabled={options.length >= POLL_MAX_OPTIONS}>
          {t('classroom.polls.addOption')}
        </Button>
      </div>
      <label className="flex min-h-11 cursor-pointer items-center gap-2 font-medium text-slate-900">
        <input
          type="checkbox"
          className="size-5 accent-brand-700"
          checked={multiple}
          onChange={(event) => setMultiple(event.target.checked)}
        />
        {t('classroom.polls.multiple')}
      </label>
      <Button type="submit">{t('classroom.polls.start')}</Button>
    </form>
  )
}
