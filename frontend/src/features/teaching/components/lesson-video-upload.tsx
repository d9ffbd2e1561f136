import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Lesson } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { notify } from '@/lib/notices'
import { startUploadJob, useUploadJob, type UploadJob } from '@/lib/uploads/upload-job'

import { attachLessonVideo } from '../api/attach-lesson-video'
import { useDeleteLessonVideo } from '../api/delete-lesson-video'
import { useCourseCache } from '../utils/course-cache'
import { videoJobs } from '../utils/video-jobs'
import { FilePicker } from './file-picker'
import { UploadProgress } from './upload-progress'

export const VIDEO_TYPES = 'video/mp4,video/webm,.mp4,.webm'

/** The lesson's video: resumable upload with progress, replace and remove. */
export function LessonVideoUpload({ slug, lesson }: { slug: string; lesson: Lesson }) {
  const { t } = useTranslation()
  const cache = useCourseCache()
  const remove = useDeleteLessonVideo(lesson.id)
  const [job, setJob] = useState<UploadJob<Lesson> | null>(() => videoJobs.get(lesson.id) ?? null)
  const [confirmOpen, setConfirmOpen] = useState(false)

  const onFiles = ([file]: File[]) => {
    if (!file) return
    const started = startUploadJob(file, { kind: 'video', attach: (upload) => attachLessonVideo(lesson.id, upload.id) })
    videoJobs.set(lesson.id, started)
    setJob(started)
    started.promise
      .then(() => {
        notify(t('teaching.video.uploaded', { title: lesson.title }))
        return Promise.all([cache.refreshLesson(lesson.id), cache.refresh(slug)])
      })
      .catch(() => {
        // The progress row shows what went wrong.
      })
      .finally(() => {
        if (videoJobs.get(lesson.id) === started) videoJobs.delete(lesson.id)
      })
  }

  const state = useUploadJob(job)
  const busy = state?.phase === 'uploading' || state?.phase === 'finishing'

  return (
    <section aria-labelledby={`video-${lesson.id}`} className="space-y-3 rounded-md border border-slate-200 p-4">
      <h3 id={`video-${lesson.id}`} className="font-semibold">
        {t('teaching.video.title')}
      </h3>
      {lesson.video_url ? (
        <p className="text-slate-700">{t('teaching.video.has')}</p>
      ) : (
        <p className="text-slate-700">{t('teaching.video.none')}</p>
      )}
      {job && <UploadProgress job={job} onDismiss={() => setJob(null)} />}
      <div className="flex flex-wrap items-start gap-2">
        <FilePicker
          label={lesson.video_url ? t('teaching.video.replace') : t('teaching.video.choose')}
          hint={t('teaching.video.hint')}
          accept={VIDEO_TYPES}
          disabled={busy}
          onFiles={onFiles}
        />
        {lesson.video_url && (
          <Button variant="ghost" onClick={() => setConfirmOpen(true)} disabled={busy}>
            {t('teaching.video.remove')}
          </Button>
        )}
      </div>
      <ApiErrorAlert error={remove.error} />
      <ConfirmDialog
        open={confirmOpen}
        title={t('teaching.video.confirmTitle')}
        confirmLabel={t('teaching.video.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setConfirmOpen(false) })}
        onCancel={() => setConfirmOpen(false)}
        confirming={remove.isPending}
      >
        {t('teaching.video.confirmBody')}
      </ConfirmDialog>
    </section>
  )
}
