import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { CourseDetail, CourseResource } from '@/api/types'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { formatFileSize } from '@/lib/format'

import { useCourseResources } from '../api/get-course-resources'
import { useDeleteResource } from '../api/delete-resource'

/** Every file of the course with the lesson it belongs to, each with delete (after confirming). */
export function CourseResourceList({ course }: { course: CourseDetail }) {
  const { t, i18n } = useTranslation()
  const resources = useCourseResources(course.slug)
  const remove = useDeleteResource(course.slug)
  const [pending, setPending] = useState<CourseResource | null>(null)
  const lessonTitles = new Map(course.sections.flatMap((s) => s.lessons).map((lesson) => [lesson.id, lesson.title]))

  if (resources.isPending) return <Skeleton className="h-24" />
  if (resources.isError) {
    return <LoadErrorAlert error={resources.error} onRetry={() => void resources.refetch()} />
  }
  return (
    <div className="space-y-3">
      <ApiErrorAlert error={remove.error} />
      {resources.data.length === 0 ? (
        <p className="text-slate-700">{t('teaching.resources.none')}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {resources.data.map((resource) => (
            <li key={resource.id} className="flex flex-wrap items-center gap-3 p-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words" dir="auto">
                  {resource.title}
                </p>
                <p className="text-sm text-slate-600">
                  {t(`courses.resourceKind.${resource.kind}`)} ·{' '}
                  <bdi dir="ltr">{formatFileSize(resource.size, i18n.language)}</bdi> ·{' '}
                  {resource.lesson_id
                    ? t('teaching.resources.inLesson', { title: lessonTitles.get(resource.lesson_id) ?? '' })
                    : t('teaching.resources.wholeCourse')}
                </p>
              </div>
              <Button size="sm" variant="ghost" onClick={() => setPending(resource)}>
                {t('teaching.resources.delete')}
                <span className="sr-only">: {resource.title}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t('teaching.resources.confirmTitle', { title: pending?.title ?? '' })}
        confirmLabel={t('teaching.resources.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => pending && remove.mutate(pending, { onSettled: () => setPending(null) })}
        onCancel={() => setPending(null)}
        confirming={remove.isPending}
      >
        {t('teaching.resources.confirmBody')}
      </ConfirmDialog>
    </div>
  )
}
