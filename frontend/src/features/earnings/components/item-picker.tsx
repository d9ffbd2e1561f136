import { useState } from 'react'

import { useCourse } from '@/api/get-course'
import { useCourseRecordings } from '@/api/recordings/list-recordings'
import { Button } from '@/components/ui/button'
import { Choice, ChoiceGroup, Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { useTaughtCourses } from '../api/get-taught-courses'
import { useEarningsT } from '../i18n'

export interface PickedItem {
  id: string
  title: string
}

export interface Picked {
  recordings: PickedItem[]
  lessons: PickedItem[]
}

function toggle(list: PickedItem[], item: PickedItem, on: boolean): PickedItem[] {
  const without = list.filter((entry) => entry.id !== item.id)
  return on ? [...without, item] : without
}

/** One course's ready class recordings and video lessons, as checkboxes. */
function CourseItems({ slug, picked, onChange }: { slug: string; picked: Picked; onChange: (next: Picked) => void }) {
  const { t } = useEarningsT()
  const recordings = useCourseRecordings(slug)
  const course = useCourse(slug)
  if (recordings.isPending || course.isPending) return <Skeleton className="h-24" />
  if (recordings.isError || course.isError) {
    return (
      <LoadErrorAlert
        title={t('earnings.listingForm.itemsError')}
        error={recordings.error ?? course.error}
        onRetry={() => {
          void recordings.refetch()
          void course.refetch()
        }}
      />
    )
  }
  const ready = recordings.data.filter((recording) => recording.status === 'ready')
  const videos = course.data.sections.flatMap((section) => section.lessons.filter((lesson) => lesson.kind === 'video'))
  const has = (list: PickedItem[], id: string) => list.some((entry) => entry.id === id)
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <ChoiceGroup legend={t('earnings.listingForm.courseRecordings')}>
        {ready.length === 0 ? (
          <p className="text-sm text-slate-700">{t('earnings.listingForm.noRecordings')}</p>
        ) : (
          ready.map((recording) => (
            <Choice
              key={recording.id}
              type="checkbox"
              label={<span dir="auto">{recording.title}</span>}
              checked={has(picked.recordings, recording.id)}
              onChange={(event) =>
                onChange({ ...picked, recordings: toggle(picked.recordings, { id: recording.id, title: recording.title }, event.target.checked) })
              }
            />
          ))
        )}
      </ChoiceGroup>
      <ChoiceGroup legend={t('earnings.listingForm.courseLessons')}>
        {videos.length === 0 ? (
          <p className="text-sm text-slate-700">{t('earnings.listingForm.noLessons')}</p>
        ) : (
          videos.map((lesson) => (
            <Choice
              key={lesson.id}
              type="checkbox"
              label={<span dir="auto">{lesson.title}</span>}
              checked={has(picked.lessons, lesson.id)}
              onChange={(event) =>
                onChange({ ...picked, lessons: toggle(picked.lessons, { id: lesson.id, title: lesson.title }, event.target.checked) })
              }
            />
          ))
        )}
      </ChoiceGroup>
    </div>
  )
}

/**
 * Chooses what a listing sells: pick a course, tick its ready class recordings and video lessons; what is
 * chosen (from any course) is listed below with a way to take it out.
 */
export function ItemPicker({ picked, onChange, error }: { picked: Picked; onChange: (next: Picked) => void; error?: string }) {
  const { t } = useEarningsT()
  const courses = useTaughtCourses()
  const [course, setCourse] = useState('')
  const chosen = [
    ...picked.recordings.map((item) => ({ ...item, kind: 'recordings' as const })),
    ...picked.lessons.map((item) => ({ ...item, kind: 'lessons' as const })),
  ]

  return (
    <ChoiceGroup legend={t('earnings.listingForm.items')} hint={t('earnings.listingForm.itemsHint')} error={error}>
      <Field label={t('earnings.listingForm.course')} className="sm:w-96">
        {(control) => (
          <Select
            {...control}
            value={course}
            disabled={courses.isPending}
            onChange={(event) => setCourse(event.target.value)}
          >
            <option value="">{t('earnings.listingForm.chooseCourse')}</option>
            {(courses.data ?? []).map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.title}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {courses.isError && (
        <LoadErrorAlert title={t('earnings.listingForm.coursesError')} error={courses.error} onRetry={() => void courses.refetch()} />
      )}
      {courses.data?.length === 0 && <p className="text-sm text-slate-700">{t('earnings.listingForm.noCourses')}</p>}
      {course && <CourseItems slug={course} picked={picked} onChange={onChange} />}
      <div className="space-y-2 rounded-md bg-slate-50 p-3">
        <p className="font-medium text-slate-900" role="status">
          {t('earnings.listingForm.chosen', {
            recordings: t('earnings.market.recordings', { count: picked.recordings.length }),
            lessons: t('earnings.market.lessons', { count: picked.lessons.length }),
          })}
        </p>
        {chosen.length > 0 && (
          <ul className="space-y-1">
            {chosen.map((item) => (
              <li key={`${item.kind}-${item.id}`} className="flex items-center justify-between gap-2">
                <span dir="auto">{item.title}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('earnings.listingForm.remove', { title: item.title })}
                  onClick={() => onChange({ ...picked, [item.kind]: picked[item.kind].filter((entry) => entry.id !== item.id) })}
                >
                  {t('earnings.listingForm.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </ChoiceGroup>
  )
}
