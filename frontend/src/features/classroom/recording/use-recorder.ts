import { useEffect, useState, useSyncExternalStore } from 'react'

import { useMediaContext } from '../media/media-context'
import { recordingMemory } from './part-number'
import { Recorder } from './recorder'
import { findRunningRecording, startRecording, stopRecording, uploadChunk } from './recording-api'
import { isBehind, RecordingController } from './recording-controller'
import { recordingSupported } from './recording-format'
import type { RunningRecording } from './room-recording'
import { compositionSources } from './sources'

/**
 * The tutor's recorder for one class. `roomRecording` is the room's word on the running recording
 * (undefined when the room does not say; the recorder then asks the server once and follows its own calls).
 */
export function useRecorder({
  sessionId,
  myUserId,
  title,
  roomRecording,
  onError,
}: {
  sessionId: string
  myUserId: string
  title: string
  roomRecording: RunningRecording | null | undefined
  onError: (error: unknown, during: 'start' | 'stop' | 'record') => void
}) {
  const media = useMediaContext()
  const [supported] = useState(recordingSupported)
  const [controller] = useState(
    () =>
      new RecordingController({
        sessionId,
        memory: recordingMemory(),
        startRecording: (id) => startRecording(id),
        stopRecording,
        uploadChunk,
        findRunningRecording,
        createRecorder: (options) => new Recorder(options),
      }),
  )
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot)

  // The recorder outlives renders: it reads the latest media, title and error handler.
  useEffect(() => {
    controller.configure({ sources: () => compositionSources(media, myUserId), title: () => title, onError })
  })

  useEffect(() => () => controller.dispose(), [controller])

  const unknown = roomRecording === undefined
  useEffect(() => {
    if (unknown) void controller.lookUp()
  }, [controller, unknown])

  const running = roomRecording !== undefined ? roomRecording : snapshot.known
  const runningId = running?.id ?? null
  const runningSince = running?.started_at ?? null
  useEffect(() => {
    controller.follow(runningId ? { id: runningId, started_at: runningSince } : null, !unknown, supported)
  }, [controller, runningId, runningSince, unknown, supported])

  return {
    supported,
    phase: snapshot.phase,
    /** The class's running recording (from the room, or this tab's own calls). */
    running,
    /** Whether this tab is the one recording. */
    recordingHere: snapshot.activeId !== null,
    behind: isBehind(snapshot.queue),
    processingId: snapshot.processingId,
    start: () => controller.start(),
    stop: () => controller.stop(running?.id ?? null),
    dismiss: () => controller.dismiss(),
  }
}
