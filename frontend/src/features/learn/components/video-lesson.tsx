import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { notify } from '@/lib/notices'

import { useSaveProgress } from '../api/save-progress'
import { useVideoProgress } from '../utils/use-video-progress'

/** The lesson's video with native controls, resuming where the student stopped. */
export function VideoLesson({
  lesson,
  slug,
  videoRef,
  trackProgress,
}: {
  lesson: Lesson
  slug: string
  videoRef: RefObject<HTMLVideoElement | null>
  trackProgress: boolean
}) {
  const { t } = useTranslation()
  const saveProgress = useSaveProgress(slug)
  useVideoProgress({
    videoRef,
    lessonId: lesson.id,
    initial: lesson.progress,
    enabled: trackProgress,
    save: (body, options) => {
      saveProgress(lesson.id, body, options)
        .then((result) => {
          if (body.completed && result.completed) notify(t('learn.completedNotice'))
        })
        .catch(() => {
          // Progress is best-effort; the next save carries the newer position anyway.
        })
    },
  })

  if (!lesson.video_url) {
    return <Alert tone="info">{t('learn.noVideo')}</Alert>
  }
  return (
    <div className="overflow-hidden rounded-lg bg-black">
      <video
        ref={videoRef}
        key={lesson.id}
        controls
        preload="metadata"
        playsInline
        className="aspect-video w-full"
        aria-label={t('learn.videoLabel', { title: lesson.title })}
      >
        <source src={lesson.video_url} type={lesson.video_content_type || undefined} />
        {t('learn.videoUnsupported')}
      </video>
    </div>
  )
}
