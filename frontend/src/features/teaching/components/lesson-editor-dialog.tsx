import { useTranslation } from 'react-i18next'

import { useLesson } from '@/api/get-lesson'
import type { SyllabusLesson } from '@/api/types'
import { Dialog } from '@/components/ui/dialog'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'

import { LessonForm } from './lesson-form'
import { LessonVideoUpload } from './lesson-video-upload'

function LessonEditor({ slug, lessonId }: { slug: string; lessonId: string }) {
  const lesson = useLesson(lessonId)
  if (lesson.isPending) return <Skeleton className="h-96" />
  if (lesson.isError) {
    return <LoadErrorAlert error={lesson.error} onRetry={() => void lesson.refetch()} />
  }
  return (
    <div className="space-y-6">
      {lesson.data.kind === 'video' && <LessonVideoUpload slug={slug} lesson={lesson.data} />}
      <LessonForm key={lesson.data.id} slug={slug} lesson={lesson.data} />
    </div>
  )
}

/** Edits one lesson in a side panel (full screen on phones). */
export function LessonEditorDialog({
  slug,
  lesson,
  onClose,
}: {
  slug: string
  lesson: SyllabusLesson | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Dialog open={lesson !== null} side title={t('teaching.lesson.editTitle', { title: lesson?.title ?? '' })} onClose={onClose}>
      {lesson && <LessonEditor slug={slug} lessonId={lesson.id} />}
    </Dialog>
  )
}
