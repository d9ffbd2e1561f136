import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useRecording } from '@/api/recordings/get-recording'
import type { RecordingStatus } from '@/api/recordings/types'
import { Button } from '@/components/ui/button'
import { Spinner } from '@/components/ui/spinner'

/**
 * After the tutor stops: "Processing recording…" until the video is made (asked every few seconds), then a
 * link to watch it on the class's recap page, or why it failed.
 */
export function RecordingResult({
  sessionId,
  recordingId,
  roomStatus,
  onDismiss,
}: {
  sessionId: string
  recordingId: string
  /** The recording's status as the room last told it (`recording.ready` comes as soon as it is done). */
  roomStatus: RecordingStatus | null
  onDismiss: () => void
}) {
  const { t } = useTranslation()
  const recording = useRecording(recordingId)
  const { refetch } = recording
  const finished = roomStatus === 'ready' || roomStatus === 'failed'
  useEffect(() => {
    if (finished) void refetch()
  }, [finished, refetch])
  const status = recording.data?.status
  const dismiss = (
    <Button variant="ghost" size="sm" onClick={onDismiss} aria-label={t('classroom.recording.dismiss')}>
      <span aria-hidden="true">✕</span>
    </Button>
  )
  if (status === 'ready') {
    return (
      <span role="status" data-recording-result="ready" className="inline-flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{t('classroom.recording.ready')}</span>
        <a
          href={`/classes/${encodeURIComponent(sessionId)}/recap#recordings`}
          target="_blank"
          rel="noopener"
          className="link"
          data-testid="recording-link"
        >
          {t('classroom.recording.watch')}
          <span className="sr-only"> ({t('classroom.recording.newTab')})</span>
        </a>
        {dismiss}
      </span>
    )
  }
  if (status === 'failed') {
    return (
      <span role="alert" data-recording-result="failed" className="inline-flex flex-wrap items-center gap-2 text-sm text-red-800">
        {recording.data?.error
          ? t('classroom.recording.failedWith', { error: recording.data.error })
          : t('classroom.recording.failed')}
        {dismiss}
      </span>
    )
  }
  return (
    <span role="status" data-recording-result="processing" className="inline-flex items-center gap-2 text-sm text-slate-800">
      <Spinner size="sm" />
      {recording.data?.status === 'processing' && recording.data.progress > 0
        ? t('classroom.recording.processingProgress', { percent: recording.data.progress })
        : t('classroom.recording.processing')}
    </span>
  )
}
