import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import type { Recording } from '@/api/recordings/types'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { buttonClasses } from '@/components/ui/button-classes'
import { DownloadIcon } from '@/components/ui/icons'
import { ProgressBar } from '@/components/ui/progress-bar'
import { formatClock } from '@/lib/format'
import { localeOf } from '@/lib/i18n'

import { AddLessonDialog } from './add-lesson-dialog'
import { DeleteRecordingButton } from './delete-recording-button'

function StatusBadge({ status }: { status: Recording['status'] }) {
  const { t } = useTranslation()
  const tone = status === 'ready' ? 'brand' : status === 'failed' ? 'danger' : status === 'recording' ? 'danger' : 'info'
  return <Badge tone={tone}>{t(`classroom.recordings.status.${status}`)}</Badge>
}

/**
 * One recording: its picture and length, and by status a progress bar (processing), the reason
 * (failed) or the player with a download link (ready). Tutors may add it to the course or delete it.
 */
export function RecordingCard({
  recording,
  canManage,
  onPlayerError,
}: {
  recording: Recording
  canManage: boolean
  /** The signed links are short-lived: a player that cannot load asks for fresh ones. */
  onPlayerError?: () => void
}) {
  const { t, i18n } = useTranslation()
  const [adding, setAdding] = useState(false)
  const [addedLesson, setAddedLesson] = useState<string | null>(null)
  const lessonId = recording.lesson_id ?? addedLesson
  const when = new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(recording.started_at),
  )
  const ready = recording.status === 'ready' && recording.video_url !== null
  const titleId = `recording-${recording.id}-title`

  return (
    <article
      aria-labelledby={titleId}
      data-recording-status={recording.status}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[12rem_minmax(0,1fr)]"
    >
      <div className="aspect-video w-full overflow-hidden rounded-md bg-slate-900">
        {recording.thumbnail_url ? (
          <img src={recording.thumbnail_url} alt="" className="size-full object-cover" loading="lazy" />
        ) : (
          <div aria-hidden="true" className="flex size-full items-center justify-center text-3xl text-slate-400">
            ▶
          </div>
        )}
      </div>
      <div className="min-w-0 space-y-3">
        <div className="space-y-1">
          <h3 id={titleId} className="text-lg font-semibold break-words text-slate-900" dir="auto">
            {recording.title}
          </h3>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
            <StatusBadge status={recording.status} />
            <time dateTime={recording.started_at}>{when}</time>
            {recording.duration_seconds !== null && recording.duration_seconds > 0 && (
              <span>
                {t('classroom.recordings.duration')}{' '}
                <span dir="ltr" className="tabular-nums">
                  {formatClock(recording.duration_seconds)}
                </span>
              </span>
            )}
          </p>
        </div>

        {recording.status === 'processing' && (
          <ProgressBar value={recording.progress} label={t('classroom.recordings.processing')} />
        )}
        {recording.status === 'recording' && <p className="text-slate-700">{t('classroom.recordings.stillRecording')}</p>}
        {recording.status === 'failed' && (
          <Alert tone="error" title={t('classroom.recordings.failed')}>
            {recording.error || t('classroom.recordings.failedHint')}
          </Alert>
        )}
        {ready && (
          <video
            data-testid="recording-player"
            controls
            preload="metadata"
            src={recording.video_url ?? undefined}
            poster={recording.thumbnail_url ?? undefined}
            onError={onPlayerError}
            aria-label={t('classroom.recordings.player', { title: recording.title })}
            className="aspect-video w-full rounded-md bg-black"
          >
            {t('classroom.recordings.noVideoSupport')}
          </video>
        )}

        <div className="flex flex-wrap items-center gap-2">
          {recording.status === 'ready' && recording.download_url && (
            <a
              data-testid="recording-download"
              href={recording.download_url}
              download
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            >
              <DownloadIcon className="size-4" />
              {t('classroom.recordings.download')}
            </a>
          )}
          {lessonId && recording.course ? (
            <Link to={`/learn/${recording.course.slug}/${lessonId}`} className="link text-sm">
              {t('classroom.recordings.lessonLink')}
            </Link>
          ) : (
            canManage &&
            recording.status === 'ready' &&
            recording.course && (
              <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
                {t('classroom.recordings.addLesson')}
              </Button>
            )
          )}
          {canManage && recording.status !== 'recording' && <DeleteRecordingButton recording={recording} />}
        </div>
      </div>
      {adding && recording.course && (
        <AddLessonDialog
          recording={recording}
          courseSlug={recording.course.slug}
          onClose={() => setAdding(false)}
          onAdded={(id) => {
            setAddedLesson(id)
            setAdding(false)
          }}
        />
      )}
    </article>
  )
}
