import { useEffect, useRef, type RefObject } from 'react'

import type { LessonProgress, ProgressBody } from '@/api/types'

/** Send the position after this many seconds of video (about every 10 s while playing). */
export const PROGRESS_STEP_SECONDS = 10
/** Watching this share of the video completes the lesson. */
export const COMPLETE_AT = 0.9

type Save = (body: ProgressBody, options: { keepalive?: boolean }) => void

/**
 * Resumes the video where the student stopped and reports progress: every
 * ~10 s of playback, on pause, when the page is hidden or left (with
 * `keepalive`), and `completed` at 90 % or at the end. Nothing is sent until
 * the student has pressed play, so opening a lesson never resets its position.
 */
export function useVideoProgress({
  videoRef,
  lessonId,
  initial,
  enabled,
  save,
}: {
  videoRef: RefObject<HTMLVideoElement | null>
  lessonId: string
  initial: LessonProgress | null
  enabled: boolean
  save: Save
}) {
  const saveRef = useRef(save)
  const enabledRef = useRef(enabled)
  const initialRef = useRef(initial)
  useEffect(() => {
    saveRef.current = save
    enabledRef.current = enabled
  })

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const start = initialRef.current
    let lastSent = start?.position_seconds ?? 0
    let completed = start?.completed ?? false
    let started = false

    const position = () => Math.floor(video.currentTime)
    const send = (extra: ProgressBody = {}, keepalive = false) => {
      if (!enabledRef.current || !started) return
      const at = position()
      if (!extra.completed && at === lastSent) return
      lastSent = at
      saveRef.current({ position_seconds: at, ...extra }, { keepalive })
    }
    const complete = () => {
      if (completed) return
      completed = true
      send({ completed: true })
    }

    const onLoaded = () => {
      const resumeAt = start?.position_seconds ?? 0
      const end = Number.isFinite(video.duration) ? video.duration : Infinity
      if (resumeAt > 0 && resumeAt < end - 2) video.currentTime = resumeAt
    }
    const onPlay = () => {
      started = true
    }
    const onTime = () => {
      const end = video.duration
      if (!completed && Number.isFinite(end) && end > 0 && video.currentTime >= end * COMPLETE_AT) complete()
      else if (Math.abs(position() - lastSent) >= PROGRESS_STEP_SECONDS) send()
    }
    const onPause = () => send()
    const onEnded = () => (completed ? send() : complete())
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') send({}, true)
    }
    const onPageHide = () => send({}, true)

    if (video.readyState >= 1) onLoaded()
    video.addEventListener('loadedmetadata', onLoaded)
    video.addEventListener('play', onPlay)
    video.addEventListener('timeupdate', onTime)
    video.addEventListener('pause', onPause)
    video.addEventListener('ended', onEnded)
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      video.removeEventListener('loadedmetadata', onLoaded)
      video.removeEventListener('play', onPlay)
      video.removeEventListener('timeupdate', onTime)
      video.removeEventListener('pause', onPause)
      video.removeEventListener('ended', onEnded)
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', onPageHide)
      send({}, true)
    }
  }, [videoRef, lessonId])
}
