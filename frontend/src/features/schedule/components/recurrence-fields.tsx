import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup, Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { localeOf } from '@/lib/i18n'

import { LIMITS, seriesDates, WEEKDAYS, type ClassFormField, type ClassFormValues } from '../utils/class-form-model'
import { isDateKey } from '../utils/zoned-time'

type RecurrenceValues = Pick<ClassFormValues, 'date' | 'weekdays' | 'until' | 'exceptions'>

/** Weekday names in the UI language, Monday first (1 January 2024 was a Monday). */
function useWeekdayNames(): string[] {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(localeOf(i18n.language), { weekday: 'long', timeZone: 'UTC' })
    return WEEKDAYS.map((day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))))
  }, [i18n.language])
}

/** A calendar date ("YYYY-MM-DD") in the UI language, e.g. "Fri, 25 Dec 2026". */
function useDateLabel(): (dateKey: string) => string {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'full', timeZone: 'UTC' })
    return (dateKey: string) => format.format(new Date(`${dateKey}T00:00:00Z`))
  }, [i18n.language])
}

/** Weekdays, the last date and the dates to skip of a weekly series, with how many classes it makes. */
export function RecurrenceFields({
  values,
  errors,
  onChange,
}: {
  values: RecurrenceValues
  errors: Partial<Record<ClassFormField, string>>
  onChange: (next: Partial<RecurrenceValues>) => void
}) {
  const { t } = useTranslation()
  const names = useWeekdayNames()
  const dateLabel = useDateLabel()
  const addId = useId()
  const [skip, setSkip] = useState('')
  const [skipError, setSkipError] = useState<string | null>(null)
  const count = seriesDates(values).length

  const toggleDay = (day: number, on: boolean) =>
    onChange({ weekdays: on ? [...values.weekdays, day].sort((a, b) => a - b) : values.weekdays.filter((d) => d !== day) })

  const addException = () => {
    if (!isDateKey(skip)) {
      setSkipError(t('schedule.form.errors.exceptionInvalid'))
      return
    }
    if (values.exceptions.includes(skip)) {
      setSkipError(t('schedule.form.errors.exceptionDuplicate'))
      return
    }
    if (values.exceptions.length >= LIMITS.exceptionsMax) {
      setSkipError(t('schedule.form.errors.exceptionsTooMany', { max: LIMITS.exceptionsMax }))
      return
    }
    onChange({ exceptions: [...values.exceptions, skip].sort() })
    setSkip('')
    setSkipError(null)
  }

  return (
    <div className="space-y-5 rounded-md border border-slate-200 bg-slate-50 p-4">
      <ChoiceGroup legend={t('schedule.form.weekdays')} error={errors.weekdays}>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {WEEKDAYS.map((day) => (
            <Choice
              key={day}
              type="checkbox"
              label={names[day]}
              checked={values.weekdays.includes(day)}
              onChange={(event) => toggleDay(day, event.target.checked)}
            />
          ))}
        </div>
      </ChoiceGroup>
      <Field label={t('schedule.form.until')} hint={t('schedule.form.untilHint')} error={errors.until} className="sm:max-w-xs">
        {(control) => (
          <Input
            {...control}
            type="date"
            dir="ltr"
            min={values.date || undefined}
            value={values.until}
            onChange={(event) => onChange({ until: event.target.value })}
          />
        )}
      </Field>
      <fieldset className="space-y-2" data-invalid={errors.exceptions ? 'true' : undefined}>
        <legend className="font-medium text-slate-900">{t('schedule.form.exceptions')}</legend>
        <p className="text-sm text-slate-600">{t('schedule.form.exceptionsHint')}</p>
        <div className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={addId} className="block text-sm font-medium text-slate-900">
              {t('schedule.form.exceptionDate')}
            </label>
            <Input
              id={addId}
              type="date"
              dir="ltr"
              min={values.date || undefined}
              max={values.until || undefined}
              value={skip}
              aria-invalid={skipError ? true : undefined}
              aria-describedby={skipError ? `${addId}-error` : undefined}
              onChange={(event) => setSkip(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault()
                  addException()
                }
              }}
            />
          </div>
          <Button variant="secondary" onClick={addException}>
            {t('schedule.form.addException')}
          </Button>
        </div>
        {skipError && <FieldError id={`${addId}-error`}>{skipError}</FieldError>}
        {values.exceptions.length === 0 ? (
          <p className="text-sm text-slate-700">{t('schedule.form.noExceptions')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label={t('schedule.form.exceptionsList')}>
            {values.exceptions.map((day) => (
              <li key={day} className="inline-flex items-center gap-1 rounded-full bg-white py-1 ps-3 pe-1 ring-1 ring-slate-300">
                <span>{dateLabel(day)}</span>
                <button
                  type="button"
                  className="inline-flex size-9 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100"
                  aria-label={t('schedule.form.removeException', { date: dateLabel(day) })}
                  onClick={() => onChange({ exceptions: values.exceptions.filter((d) => d !== day) })}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors.exceptions && <FieldError id={`${addId}-list-error`}>{errors.exceptions}</FieldError>}
      </fieldset>
      <p role="status" className="font-medium text-slate-900">
        {count > LIMITS.seriesMax
          ? t('schedule.form.seriesTooMany', { max: LIMITS.seriesMax })
          : count === 0
            ? t('schedule.form.seriesNone')
            : t('schedule.form.seriesCount', { count })}
      </p>
    </div>
  )
}
