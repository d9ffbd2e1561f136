import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { LessonKindIcon } from '@/components/course/lesson-kind-icon'
import { Card } from '@/components/ui/card'
import { ServerHtml } from '@/components/ui/server-html'
import { buttonClasses } from '@/components/ui/button-classes'

import { AssignmentLesson } from './assignment-lesson'
import { LessonResources } from './lesson-resources'
import { QuizLesson } from './quiz-lesson'
import { VideoLesson } from './video-lesson'

/** The main area of the player, by kind of lesson. */
export function LessonContent({
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
  return (
    <div className="space-y-6">
      {lesson.kind === 'video' && (
        <VideoLesson lesson={lesson} slug={slug} videoRef={videoRef} trackProgress={trackProgress} />
      )}
      {lesson.kind === 'live' && (
        <Card className="space-y-3">
          <p className="flex items-center gap-2 font-semibold">
            <LessonKindIcon kind="live" className="text-red-700" />
            {t('learn.liveTitle')}
          </p>
          {lesson.live_url ? (
            <a href={lesson.live_url} target="_blank" rel="noopener noreferrer" className={buttonClasses()}>
              {t('learn.joinLive')}
              <span className="sr-only">{t('common.opensInNewTab')}</span>
            </a>
          ) : (
            <p className="text-slate-700">{t('learn.liveNoLink')}</p>
          )}
        </Card>
      )}
      {lesson.kind === 'quiz' && <QuizLesson lesson={lesson} />}
      {lesson.kind === 'assignment' && <AssignmentLesson lesson={lesson} />}
      {lesson.body_html && (
        <Card>
          <ServerHtml html={lesson.body_html} />
        </Card>
      )}
      <LessonResources resources={lesson.resources} />
    </div>
  )
}
