import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useAttendance, useClassAttendanceCsv } from '../api/attendance'
import { useClass } from '../api/get-class'
import type { LiveClass } from '../api/types'
import { AttendanceSummary, AttendanceTable } from '../components/attendance-table'
import { BackToClasses } from '../components/back-to-classes'
import { ClassStatusBadge } from '../components/class-status-badge'
import { DownloadButton } from '../components/download-button'
import { useClassTimes } from '../hooks/use-class-times'
import { useNow } from '../hooks/use-now'
import { hasStarted } from '../utils/entry-window'

function notFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 403)
}

function AttendanceReport({ session, now }: { session: LiveClass; now: number }) {
  const { t } = useTranslation()
  const started = hasStarted(session, now)
  const attendance = useAttendance(session.id, started)
  const download = useClassAttendanceCsv(session.id)

  if (!started) {
    return session.status === 'cancelled' ? (
      <EmptyState title={t('schedule.attendance.cancelled')} />
    ) : (
      <EmptyState title={t('schedule.attendance.notStarted')}>{t('schedule.attendance.notStartedHint')}</EmptyState>
    )
  }
  if (attendance.isPending) return <Skeleton className="h-64" />
  if (attendance.isError) {
    return (
      <LoadErrorAlert
        title={t('schedule.attendance.loadError')}
        error={attendance.error}
        onRetry={() => void attendance.refetch()}
      />
    )
  }
  const rows = attendance.data
  const nobody = rows.every((row) => row.first_joined_at === null)
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        {rows.length > 0 && <AttendanceSummary rows={rows} />}
        <DownloadButton download={download} label={t('schedule.attendance.download')} />
      </div>
      <p className="text-sm text-slate-700">
        {t('schedule.attendance.rule', { late: session.late_after_minutes, percent: session.present_min_percent })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={t('schedule.attendance.noStudents')}>{t('schedule.attendance.noStudentsHint')}</EmptyState>
      ) : (
        <>
          {nobody && <Alert tone="info">{t('schedule.attendance.nobody')}</Alert>}
          <AttendanceTable
            rows={rows}
            caption={t('schedule.attendance.caption', { title: session.title })}
            faceSeen={session.face_presence || rows.some((row) => row.face_checks > 0)}
          />
        </>
      )}
    </div>
  )
}

/** `/teaching/classes/:sessionId/attendance`: who came, when, for how long, for the class's tutors. */
export function AttendanceRoute() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams()
  const session = useClass(sessionId)
  const now = useNow()
  const times = useClassTimes()
  const data = session.data
  useDocumentTitle(data ? t('schedule.attendance.titleOf', { title: data.title }) : t('schedule.attendance.title'))

  return (
    <div className="space-y-6">
      <BackToClasses course={data?.course?.slug} />
      <div className="space-y-2">
        <PageHeading className="mb-0">
          {data ? <span dir="auto">{t('schedule.attendance.titleOf', { title: data.title })}</span> : t('schedule.attendance.title')}
        </PageHeading>
        {data && (
          <p className="flex flex-wrap items-center gap-2 text-slate-700">
            <ClassStatusBadge session={data} now={now} />
            <time dateTime={data.starts_at}>{times.range(data.starts_at, data.ends_at)}</time>
            {data.course && <span dir="auto">· {data.course.title}</span>}
          </p>
        )}
      </div>
      {session.isPending ? (
        <Skeleton className="h-64" />
      ) : session.isError ? (
        notFound(session.error) ? (
          <EmptyState title={t('schedule.attendance.notFound')} action={<BackToClasses />} />
        ) : (
          <LoadErrorAlert title={t('schedule.attendance.loadError')} error={session.error} onRetry={() => void session.refetch()} />
        )
      ) : !session.data.viewer.can_manage ? (
        <EmptyState title={t('schedule.attendance.notFound')} action={<BackToClasses />} />
      ) : (
        <AttendanceReport session={session.data} now={now} />
      )}
    </div>
  )
}
