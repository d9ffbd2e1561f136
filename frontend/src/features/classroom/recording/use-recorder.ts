import { useEffect, useState, useSyncExternalStore } from 'react'

import { useMediaContext } from '../media/media-context'
import { recordingMemory } from './part-number'
import { Recorder } from './recorder'
import { startRecording, stopRecording, uploadChunk } from './recording-api'
import { isBehind, RecordingController } from './recording-controller'
import { recordingSupported } from './recording-format'
import type { RunningRecording } from './room-recording'
import { compositionSources } from './sources'

/** The tutor's recorder for one class, following the room's word on the running recording. */
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
  roomRecording: RunningRecording | null
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
        createRecorder: (options) => new Recorder(options),
      }),
  )
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot)

  // The recorder outlives renders: it reads the latest media, title and error handler.
  useEffect(() => {
    controller.configure({ sources: () => compositionSources(media, myUserId), title: () => title, onError })
  })

  useEffect(() => () => controller.dispose(), [controller])

  // The room tells of a recording a moment after this tab starts it; until then this tab's own word stands.
  const running = roomRecording ?? (snapshot.activeId ? snapshot.known : null)
  const runningId = roomRecording?.id ?? null
  const runningSince = roomRecording?.started_at ?? null
  useEffect(() => {
    controller.follow(runningId ? { id: runningId, started_at: runningSince } : null, supported)
  }, [controller, runningId, runningSince, supported])

  return {
    supported,
    phase: snapshot.phase,
    /** The class's running recording. */
    running,
    /** Whether this tab is the one recording. */
    recordingHere: snapshot.activeId !== null,
    behind: isBehind(snapshot.queue),
    waiting: snapshot.waiting,
    processingId: snapshot.processingId,
    start: () => controller.start(),
    stop: () => controller.stop(running?.id ?? null),
    dismiss: () => controller.dismiss(),
    resumeAudio: () => controller.resumeAudio(),
  }
}
