import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { errorMessage } from '@/lib/api-messages'
import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'

import { useAdmittedRoom } from '../hooks/room-context'
import { RecordingIndicator } from './recording-indicator'
import { RecordingResult } from './recording-result'
import { recordingInRoom, type RunningRecording } from './room-recording'
import { useRecorder } from './use-recorder'

/** Start / stop for the class's tutors, with the upload's health and the result after stopping. */
function TutorRecording({ roomRecording }: { roomRecording: RunningRecording | null }) {
  const { t } = useTranslation()
  const { state, me, session } = useAdmittedRoom()
  const [confirming, setConfirming] = useState(false)
  const recorder = useRecorder({
    sessionId: session.id,
    myUserId: me.userId,
    title: session.title,
    roomRecording,
    onError: (error, during) => {
      if (during === 'start' && isApiError(error) && error.code === 'session_not_live') {
        notify(t('classroom.recording.notLive'), 'error')
      } else if (during === 'record') {
        notify(t('classroom.recording.deviceError'), 'error')
      } else {
        const what = during === 'start' ? t('classroom.recording.startFailed') : t('classroom.recording.stopFailed')
        notify(`${what} ${errorMessage(t, error)}`, 'error')
      }
    },
  })
  const { phase, running, recordingHere } = recorder
  const elsewhere = running !== null && !recordingHere && (phase === 'idle' || phase === 'processing')

  return (
    <>
      <RecordingIndicator on={running !== null || phase === 'recording' || phase === 'stopping'} />
      {phase === 'recording' || phase === 'stopping' ? (
        <Button
          variant="secondary"
          loading={phase === 'stopping'}
          loadingText={t('classroom.recording.saving')}
          onClick={() => setConfirming(true)}
        >
          <span aria-hidden="true" className="text-red-700">
            ■
          </span>
          {t('classroom.recording.stop')}
        </Button>
      ) : elsewhere ? (
        <>
          <span className="text-sm text-slate-700">{t('classroom.recording.elsewhere')}</span>
          <Button variant="secondary" size="sm" disabled={!recorder.supported} onClick={() => void recorder.start()}>
            {t('classroom.recording.recordHere')}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            <span aria-hidden="true" className="text-red-700">
              ■
            </span>
            {t('classroom.recording.stop')}
          </Button>
        </>
      ) : (
        <Button
          variant="secondary"
          loading={phase === 'starting'}
          loadingText={t('classroom.recording.starting')}
          disabled={!recorder.supported}
          title={recorder.supported ? undefined : t('classroom.recording.unsupported')}
          onClick={() => void recorder.start()}
        >
          <span aria-hidden="true" className="text-red-700">
            ●
          </span>
          {t('classroom.recording.start')}
        </Button>
      )}
      {!recorder.supported && phase === 'idle' && !running && (
        <span className="text-sm text-slate-700">{t('classroom.recording.unsupported')}</span>
      )}
      {recorder.waiting && phase === 'recording' && (
        <>
          <span role="status" className="text-sm font-medium text-amber-800" data-recording-waiting="true">
            {t('classroom.recording.waiting')}
          </span>
          <Button size="sm" onClick={recorder.resumeAudio}>
            {t('classroom.recording.continue')}
          </Button>
        </>
      )}
      {recorder.behind && (
        <span role="status" className="text-sm font-medium text-amber-800" data-recording-behind="true">
          <span aria-hidden="true">⚠ </span>
          {t('classroom.recording.behind')}
        </span>
      )}
      {phase === 'processing' && recorder.processingId && (
        <RecordingResult
          sessionId={session.id}
          recordingId={recorder.processingId}
          roomStatus={state.recording?.id === recorder.processingId ? state.recording.status : null}
          onDismiss={recorder.dismiss}
        />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('classroom.recording.stopTitle')}
        confirmLabel={t('classroom.recording.stop')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          void recorder.stop()
        }}
      >
        {t('classroom.recording.stopBody')}
      </ConfirmDialog>
    </>
  )
}

/**
 * Recording in the room: everyone sees "● Recording" while the class is recorded; its tutors start and stop
 * it here (the recording is made in the tutor's browser and uploaded as it goes).
 */
export function RecordingControl() {
  const { state, me } = useAdmittedRoom()
  const roomRecording = recordingInRoom(state)
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="recording-control">
      {me.tutor ? <TutorRecording roomRecording={roomRecording} /> : <RecordingIndicator on={!!roomRecording} />}
    </div>
  )
}
