import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/input'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { CardGridSkeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useCourseAttendanceCsv } from '../api/attendance'
import { useTeachingClasses } from '../api/get-classes'
import { useTaughtCourses } from '../api/get-taught-courses'
import { ClassList } from '../components/class-list'
import { DownloadButton } from '../components/download-button'
import { LoadMore } from '../components/load-more'
import { TeachingClassActions } from '../components/teaching-class-actions'
import { useClassTimes } from '../hooks/use-class-times'
import { useNow } from '../hooks/use-now'
import { uniqueClasses } from '../utils/group-classes'

function CourseAttendanceButton({ slug }: { slug: string }) {
  const { t } = useTranslation()
  const download = useCourseAttendanceCsv(slug)
  return <DownloadButton download={download} label={t('schedule.teaching.courseCsv')} />
}

/** `/teaching/classes?course=`: the classes a tutor teaches, with edit, cancel and attendance. */
export function TeachingClassesRoute() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const course = params.get('course') ?? ''
  const courses = useTaughtCourses()
  const classes = useTeachingClasses(course)
  const now = useNow()
  const times = useClassTimes()
  const listId = useId()
  useDocumentTitle(t('schedule.teaching.title'))

  const newHref = course ? `/teaching/classes/new?course=${encodeURIComponent(course)}` : '/teaching/classes/new'
  const taught = classes.data
    ? uniqueClasses(classes.data.pages.map((page) => page.results)).filter((session) => session.viewer.can_manage)
    : []
  const courseOptions = courses.data ?? []
  const knownCourse = !course || courseOptions.some((option) => option.slug === course)

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading lead={t('schedule.teaching.lead')} className="mb-0">
          {t('schedule.teaching.title')}
        </PageHeading>
        <ButtonLink to={newHref}>{t('schedule.teaching.schedule')}</ButtonLink>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Field label={t('schedule.teaching.filterCourse')} className="w-full sm:w-80">
          {(control) => (
            <Select
              {...control}
              value={course}
              disabled={courses.isPending}
              onChange={(event) => {
                const next = event.target.value
                setParams(next ? { course: next } : {}, { replace: true })
              }}
            >
              <option value="">{t('schedule.teaching.allCourses')}</option>
              {courseOptions.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.title}
                </option>
              ))}
              {!knownCourse && <option value={course}>{course}</option>}
            </Select>
          )}
        </Field>
        {course && <CourseAttendanceButton slug={course} />}
      </div>
      <p className="text-sm text-slate-700">{t('schedule.card.zoneNote', { zone: times.timeZone })}</p>
      <h2 id={listId} className="sr-only">
        {t('schedule.teaching.listLabel')}
      </h2>
      {classes.isPending ? (
        <CardGridSkeleton label={t('common.loading')} cards={2} />
      ) : classes.isError ? (
        <LoadErrorAlert title={t('schedule.teaching.loadError')} error={classes.error} onRetry={() => void classes.refetch()} />
      ) : taught.length === 0 && !classes.hasNextPage ? (
        <EmptyState title={t('schedule.teaching.empty')} action={<ButtonLink to={newHref}>{t('schedule.teaching.schedule')}</ButtonLink>}>
          {t('schedule.teaching.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ClassList
            classes={taught}
            now={now}
            labelledBy={listId}
            actions={(session) => <TeachingClassActions session={session} now={now} />}
          />
          <LoadMore
            hasMore={classes.hasNextPage}
            loading={classes.isFetchingNextPage}
            onLoad={() => void classes.fetchNextPage()}
          />
        </>
      )}
    </div>
  )
}
