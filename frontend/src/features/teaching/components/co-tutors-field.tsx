import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

import type { Person } from '@/api/types'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import { errorMessage } from '@/lib/api-messages'

import { MIN_TUTOR_SEARCH, useTutorSearch } from '../api/search-tutors'
import { MAX_CO_TUTORS } from '../utils/course-form-model'

const SEARCH_DELAY_MS = 300
const MAX_MATCHES = 8

/** `value`, once it has stopped changing for `delay` ms: one request per pause in typing, not per key. */
function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

/** The co-tutors as chips; each has a remove button when `onRemove` is given. */
function CoTutorChips({
  coTutors,
  onRemove,
}: {
  coTutors: Person[]
  onRemove?: ((tutor: Person) => void) | undefined
}) {
  const { t } = useTranslation()
  if (coTutors.length === 0) return <p className="text-slate-700">{t('teaching.coTutors.none')}</p>
  return (
    <ul aria-label={t('teaching.coTutors.title')} className="flex flex-wrap gap-2">
      {coTutors.map((tutor) => (
        <li
          key={tutor.id}
          className="inline-flex min-h-11 items-center gap-2 rounded-full border border-slate-300 bg-slate-50 ps-1 pe-3"
        >
          <Avatar src={tutor.avatar_url} name={tutor.full_name} size="sm" />
          <span dir="auto" className="font-medium">
            {tutor.full_name}
          </span>
          {onRemove && (
            <button
              type="button"
              onClick={() => onRemove(tutor)}
              aria-label={t('teaching.coTutors.remove', { name: tutor.full_name })}
              className="-me-2 inline-flex size-9 items-center justify-center rounded-full text-slate-700 hover:bg-slate-200 hover:text-slate-900"
            >
              <span aria-hidden="true">✕</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}

/** Debounced tutor search; matches exclude `excluded` (the owner and tutors already added). */
function CoTutorSearch({
  excluded,
  full,
  error,
  inputRef,
  onAdd,
}: {
  excluded: ReadonlySet<string>
  full: boolean
  error: string | undefined
  inputRef: RefObject<HTMLInputElement | null>
  onAdd: (tutor: Person) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const search = useDebouncedValue(text.trim(), SEARCH_DELAY_MS)
  const active = search.length >= MIN_TUTOR_SEARCH
  const tutors = useTutorSearch(search)
  const found = tutors.data?.results ?? []
  const matches = found.filter((tutor) => !excluded.has(tutor.id)).slice(0, MAX_MATCHES)

  // Enter in the search box must not submit the whole details form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault()
  }

  const status = !active
    ? null
    : tutors.isFetching
      ? t('teaching.coTutors.searching')
      : tutors.isError
        ? errorMessage(t, tutors.error)
        : found.length === 0
          ? t('teaching.coTutors.noMatches', { search })
          : matches.length === 0
            ? t('teaching.coTutors.allAdded', { search })
            : t('teaching.coTutors.matches', { count: matches.length })

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {t('teaching.coTutors.search')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {full ? t('teaching.coTutors.full', { max: MAX_CO_TUTORS }) : t('teaching.coTutors.searchHint')}
      </p>
      <Input
        ref={inputRef}
        id={id}
        type="search"
        autoComplete="off"
        dir="auto"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
      />
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        {active && tutors.isFetching && <Spinner size="sm" />}
        {status}
      </p>
      {active && !tutors.isError && matches.length > 0 && (
        <ul aria-label={t('teaching.coTutors.results')} className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {matches.map((tutor) => (
            <li key={tutor.id} className="flex items-center gap-3 p-2">
              <Avatar src={tutor.avatar_url} name={tutor.full_name} size="sm" />
              <div className="min-w-0 flex-1">
                <p dir="auto" className="font-medium">
                  {tutor.full_name}
                </p>
                {tutor.headline && (
                  <p dir="auto" className="truncate text-sm text-slate-700">
                    {tutor.headline}
                  </p>
                )}
              </div>
              <Button
                variant="secondary"
                size="sm"
                disabled={full}
                onClick={() => onAdd({ id: tutor.id, full_name: tutor.full_name, avatar_url: tutor.avatar_url })}
                aria-label={t('teaching.coTutors.add', { name: tutor.full_name })}
              >
                {t('teaching.coTutors.addShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * The Details tab's co-tutors. The owner adds and removes them here and they are saved with
 * the rest of the details; everyone else sees the list only, as the API lets only the owner change it.
 */
export function CoTutorsField({
  coTutors,
  owner,
  canChange,
  error,
  onChange,
}: {
  coTutors: Person[]
  owner: Person
  canChange: boolean
  error?: string | undefined
  onChange: (next: Person[]) => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [announcement, setAnnouncement] = useState('')
  const excluded = new Set([owner.id, ...coTutors.map((tutor) => tutor.id)])

  const add = (tutor: Person) => {
    onChange([...coTutors, tutor])
    setAnnouncement(t('teaching.coTutors.added', { name: tutor.full_name }))
    inputRef.current?.focus()
  }
  const remove = (tutor: Person) => {
    onChange(coTutors.filter((other) => other.id !== tutor.id))
    setAnnouncement(t('teaching.coTutors.removed', { name: tutor.full_name }))
    inputRef.current?.focus()
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="space-y-1">
        <h3 id={headingId} className="text-lg font-semibold">
          {t('teaching.coTutors.title')}
        </h3>
        <p className="text-sm text-slate-700">
          {canChange ? t('teaching.coTutors.intro') : t('teaching.coTutors.ownerOnly', { name: owner.full_name })}
        </p>
      </div>
      <CoTutorChips coTutors={coTutors} onRemove={canChange ? remove : undefined} />
      {canChange && (
        <>
          <CoTutorSearch
            excluded={excluded}
            full={coTutors.length >= MAX_CO_TUTORS}
            error={error}
            inputRef={inputRef}
            onAdd={add}
          />
          <p role="status" className="sr-only">
            {announcement}
          </p>
        </>
      )}
    </section>
  )
}
