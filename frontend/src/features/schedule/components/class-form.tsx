import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup, Field, FieldError, TextField } from '@/components/ui/field'
import { Input, Select, Textarea } from '@/components/ui/input'
import { isApiError } from '@/lib/errors'
import { useInvalidFocus } from '@/lib/forms'

import { useScheduleClasses } from '../api/schedule-classes'
import type { LiveClass } from '../api/types'
import { useUpdateClass } from '../api/update-class'
import { useSchedulingTimeZone } from '../hooks/use-time-zones'
import {
  classValues,
  emptyClassValues,
  LIMITS,
  mapServerErrors,
  toScheduleBody,
  toUpdateBody,
  validateClass,
  type ClassFormField,
  type ClassFormValues,
} from '../utils/class-form-model'
import { weekdayOf } from '../utils/zoned-time'
import { CourseField } from './course-field'
import { RecurrenceFields } from './recurrence-fields'

type Errors = Partial<Record<ClassFormField, string>>

/**
 * Schedules a class (or a weekly series), or edits `session`. Times are typed on the tutor's own
 * clock, which is named beside them; the server reads them in the same zone.
 */
export function ClassForm({
  session,
  initialCourse = '',
  onScheduled,
  onSaved,
}: {
  session?: LiveClass
  initialCourse?: string
  onScheduled?: (created: LiveClass[], course: string) => void
  onSaved?: (saved: LiveClass) => void
}) {
  const { t } = useTranslation()
  const timeZone = useSchedulingTimeZone()
  const schedule = useScheduleClasses()
  const update = useUpdateClass()
  const save = session ? update : schedule
  const { ref, focusInvalid } = useInvalidFocus()
  const [initial] = useState<ClassFormValues | undefined>(() => (session ? classValues(session, timeZone) : undefined))
  const [values, setValues] = useState<ClassFormValues>(() => initial ?? emptyClassValues(initialCourse))
  const [errors, setErrors] = useState<Errors>({})
  const [otherMessages, setOtherMessages] = useState<string[]>([])
  const live = session?.status === 'live'
  const faceId = useId()
  const set = (patch: Partial<ClassFormValues>) => setValues((current) => ({ ...current, ...patch }))

  const onError = (error: unknown) => {
    if (!isApiError(error)) return
    const mapped = mapServerErrors(error.fields)
    setErrors(mapped.errors)
    setOtherMessages(mapped.other)
    if (Object.keys(mapped.errors).length > 0) focusInvalid()
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const codes = validateClass(values, { timeZone, now: Date.now(), initial, live })
    const next: Errors = {}
    for (const [field, code] of Object.entries(codes) as [ClassFormField, (typeof codes)[ClassFormField]][]) {
      if (code) next[field] = t(`schedule.form.errors.${code}`, { max: LIMITS.seriesMax, hours: 12 })
    }
    setErrors(next)
    setOtherMessages([])
    if (Object.keys(next).length > 0) {
      save.reset()
      focusInvalid()
      return
    }
    if (session && initial) {
      update.mutate({ id: session.id, body: toUpdateBody(values, initial) }, { onSuccess: onSaved, onError })
    } else {
      schedule.mutate(toScheduleBody(values), {
        onSuccess: (created) => onScheduled?.(created, values.course),
        onError,
      })
    }
  }

  const onRepeat = (repeat: boolean) => {
    const day = weekdayOf(values.date)
    set({ repeat, ...(repeat && values.weekdays.length === 0 && day >= 0 ? { weekdays: [day] } : {}) })
  }

  const zoneHint = t('schedule.form.zoneHint', { zone: timeZone })

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-6">
      <ApiErrorAlert error={save.error} extraMessages={otherMessages} />
      {live && <Alert tone="info">{t('schedule.form.liveNote')}</Alert>}
      <TextField
        label={t('schedule.form.title')}
        dir="auto"
        maxLength={LIMITS.titleMax}
        value={values.title}
        onChange={(event) => set({ title: event.target.value })}
        error={errors.title}
      />
      <Field label={t('schedule.form.description')} hint={t('schedule.form.descriptionHint')} optional error={errors.description}>
        {(control) => (
          <Textarea
            {...control}
            dir="auto"
            rows={4}
            maxLength={LIMITS.descriptionMax}
            value={values.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        )}
      </Field>
      {session ? (
        <p className="text-slate-800">
          <span className="font-medium">{t('schedule.form.course')}:</span>{' '}
          <span dir="auto">{session.course?.title ?? t('schedule.form.standalone')}</span>
        </p>
      ) : (
        <CourseField value={values.course} error={errors.course} onChange={(course) => set({ course })} />
      )}

      <ChoiceGroup legend={t('schedule.form.when')} hint={zoneHint}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('schedule.form.date')} error={errors.date}>
            {(control) => (
              <Input
                {...control}
                type="date"
                dir="ltr"
                disabled={live}
                value={values.date}
                onChange={(event) => set({ date: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('schedule.form.start')} hint={timeZone} error={errors.start}>
            {(control) => (
              <Input
                {...control}
                type="time"
                dir="ltr"
                disabled={live}
                value={values.start}
                onChange={(event) => set({ start: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('schedule.form.end')} hint={timeZone} error={errors.end}>
            {(control) => (
              <Input
                {...control}
                type="time"
                dir="ltr"
                value={values.end}
                onChange={(event) => set({ end: event.target.value })}
              />
            )}
          </Field>
        </div>
      </ChoiceGroup>

      {!session && values.course && (
        <ChoiceGroup legend={t('schedule.form.joinPolicy')} error={errors.join_policy}>
          <Choice
            type="radio"
            name="join_policy"
            label={t('schedule.form.joinCourse')}
            checked={values.join_policy === 'course'}
            onChange={() => set({ join_policy: 'course' })}
          />
          <Choice
            type="radio"
            name="join_policy"
            label={t('schedule.form.joinSeats')}
            checked={values.join_policy === 'seats'}
            onChange={() => set({ join_policy: 'seats' })}
          />
        </ChoiceGroup>
      )}

      {!values.course && (
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label={t('schedule.form.seatPrice')}
            hint={t('schedule.form.seatPriceHint')}
            optional
            inputMode="decimal"
            dir="ltr"
            className="sm:max-w-xs"
            value={values.seat_price}
            onChange={(event) => set({ seat_price: event.target.value })}
            error={errors.seat_price}
          />
          <Field label={t('schedule.form.seatCurrency')}>
            {(props) => (
              <Select
                {...props}
                value={values.seat_currency}
                onChange={(event) => set({ seat_currency: event.target.value === 'USD' ? 'USD' : 'PKR' })}
              >
                <option value="PKR">PKR</option>
                <option value="USD">USD</option>
              </Select>
            )}
          </Field>
        </div>
      )}

      <TextField
        label={t('schedule.form.capacity')}
        hint={t('schedule.form.capacityHint')}
        optional
        type="number"
        inputMode="numeric"
        min={LIMITS.capacityMin}
        max={LIMITS.capacityMax}
        step={1}
        dir="ltr"
        className="sm:max-w-xs"
        value={values.capacity}
        onChange={(event) => set({ capacity: event.target.value })}
        error={errors.capacity}
      />
      <div className="space-y-1">
        <Choice
          type="checkbox"
          label={t('schedule.form.waitingRoom')}
          checked={values.waiting_room}
          onChange={(event) => set({ waiting_room: event.target.checked })}
        />
        <p className="text-sm text-slate-600">{t('schedule.form.waitingRoomHint')}</p>
      </div>
      <div className="space-y-1">
        <Choice
          type="checkbox"
          label={t('schedule.form.facePresence')}
          checked={values.face_presence}
          onChange={(event) => set({ face_presence: event.target.checked })}
          aria-invalid={errors.face_presence ? true : undefined}
          aria-describedby={errors.face_presence ? `${faceId}-hint ${faceId}-error` : `${faceId}-hint`}
        />
        <p id={`${faceId}-hint`} className="text-sm text-slate-600">
          {t('schedule.form.facePresenceHint')}
        </p>
        {errors.face_presence && <FieldError id={`${faceId}-error`}>{errors.face_presence}</FieldError>}
      </div>

      <fieldset className="space-y-3">
        <legend className="font-medium text-slate-900">{t('schedule.form.attendanceRules')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('schedule.form.late')}
            hint={t('schedule.form.lateHint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.lateMax}
            step={1}
            dir="ltr"
            value={values.late}
            onChange={(event) => set({ late: event.target.value })}
            error={errors.late}
          />
          <TextField
            label={t('schedule.form.present')}
            hint={t('schedule.form.presentHint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.percentMax}
            step={1}
            dir="ltr"
            value={values.present}
            onChange={(event) => set({ present: event.target.value })}
            error={errors.present}
          />
        </div>
      </fieldset>

      {!session && (
        <div className="space-y-3">
          <Choice
            type="checkbox"
            label={t('schedule.form.repeat')}
            checked={values.repeat}
            onChange={(event) => onRepeat(event.target.checked)}
          />
          {values.repeat && <RecurrenceFields values={values} errors={errors} onChange={set} />}
        </div>
      )}

      <Button
        type="submit"
        loading={save.isPending}
        loadingText={session ? t('schedule.form.saving') : t('schedule.form.scheduling')}
      >
        {session ? t('schedule.form.save') : t('schedule.form.submit')}
      </Button>
    </form>
  )
}
