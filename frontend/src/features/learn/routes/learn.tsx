import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useParams } from 'react-router'

import { useCourse } from '@/api/get-course'
import { useLesson } from '@/api/get-lesson'
import type { CourseDetail } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { ButtonLink } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Skeleton } from '@/components/ui/skeleton'
import { errorMessage } from '@/lib/api-messages'
import { useAuth } from '@/lib/auth/auth-context'
import { isApiError } from '@/lib/errors'
import { useDocumentTitle } from '@/lib/use-document-title'

import { LessonActions } from '../components/lesson-actions'
import { LessonContent } from '../components/lesson-content'
import { LessonSidebar } from '../components/lesson-sidebar'
import { NotesPanel } from '../components/notes-panel'
import { completedLessonsKey, useCompletedLessons } from '../utils/completed-lessons'
import { pickStartLesson } from '../utils/pick-lesson'
import type { PlayerControl } from '../utils/player-control'

function LessonPage({ slug, lessonId, course }: { slug: string; lessonId: string; course: CourseDetail | undefined }) {
  const { t } = useTranslation()
  const { status } = useAuth()
  const queryClient = useQueryClient()
  const lesson = useLesson(lessonId)
  const completed = useCompletedLessons(slug, course)
  const videoRef = useRef<HTMLVideoElement>(null)
  const data = lesson.data
  const locked = isApiError(lesson.error) && lesson.error.code === 'not_enrolled'
  useDocumentTitle(data ? `${data.title} · ${course?.title ?? ''}` : t('learn.title'))

  const progress = data?.progress
  useEffect(() => {
    if (!progress) return
    queryClient.setQueryData<Record<string, boolean>>(completedLessonsKey(slug), (done) =>
      done?.[lessonId] === progress.completed ? done : { ...done, [lessonId]: progress.completed },
    )
  }, [queryClient, slug, lessonId, progress])

  const hasVideo = data?.kind === 'video' && Boolean(data.video_url)
  const player = useMemo<PlayerControl | null>(
    () =>
      hasVideo
        ? {
            currentTime: () => videoRef.current?.currentTime ?? null,
            seek: (seconds) => {
              const video = videoRef.current
              if (!video) return
              video.currentTime = seconds
              video.focus()
            },
          }
        : null,
    [hasVideo],
  )

  const viewer = course?.viewer
  const canTrack = status === 'authenticated' && Boolean(viewer?.is_enrolled)
  const showNotes = status === 'authenticated' && Boolean(viewer?.is_enrolled || viewer?.can_edit)

  return (
    <div className="grid gap-6 lg:grid-cols-[20rem_1fr] lg:items-start">
      <div className="lg:sticky lg:top-4">
        {course ? <LessonSidebar course={course} completed={completed} /> : <Skeleton className="h-64" />}
      </div>
      <div className="min-w-0 space-y-6" aria-busy={lesson.isPending || undefined}>
        <PageHeading className="mb-0">
          <span dir="auto">{data?.title ?? t('learn.title')}</span>
        </PageHeading>
        {lesson.isPending ? (
          <>
            <p role="status" className="sr-only">
              {t('common.loading')}
            </p>
            <Skeleton className="aspect-video" />
          </>
        ) : locked ? (
          <EmptyState
            title={t('learn.lockedTitle')}
            action={<ButtonLink to={`/courses/${slug}`}>{t('learn.seeCourse')}</ButtonLink>}
          >
            {t('learn.lockedBody')}
          </EmptyState>
        ) : lesson.isError ? (
          <LoadErrorAlert error={lesson.error} onRetry={() => void lesson.refetch()} />
        ) : data ? (
          <>
            <LessonContent key={data.id} lesson={data} slug={slug} videoRef={videoRef} trackProgress={canTrack} />
            <LessonActions lesson={data} slug={slug} completed={completed[data.id] === true} canTrack={canTrack} />
            {showNotes && <NotesPanel key={`notes-${data.id}`} lessonId={data.id} player={player} />}
          </>
        ) : null}
      </div>
    </div>
  )
}

export function LearnRoute() {
  const { t } = useTranslation()
  const { slug = '', lessonId } = useParams()
  const course = useCourse(slug)
  const completed = useCompletedLessons(slug, course.data)
  const notFound = isApiError(course.error) && course.error.status === 404

  if (lessonId) return <LessonPage slug={slug} lessonId={lessonId} course={course.data} />

  if (course.data) {
    const start = pickStartLesson(course.data, completed)
    if (start) return <Navigate to={`/learn/${slug}/${start}`} replace />
  }
  return (
    <div className="space-y-6">
      <PageHeading>{course.data?.title ?? t('learn.title')}</PageHeading>
      {course.isPending ? (
        <Skeleton className="h-64" />
      ) : course.data ? (
        <EmptyState title={t('learn.nothingOpen')} action={<Link to={`/courses/${slug}`} className="link">{t('learn.seeCourse')}</Link>} />
      ) : notFound ? (
        <EmptyState title={t('course.notFoundBody')} action={<Link to="/courses" className="link">{t('course.allCourses')}</Link>} />
      ) : (
        <Alert tone="error">{errorMessage(t, course.error)}</Alert>
      )}
    </div>
  )
}
