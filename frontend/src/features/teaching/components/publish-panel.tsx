import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'

import type { CourseDetail } from '@/api/types'
import { Alert } from '@/components/ui/alert'
import { ApiErrorAlert } from '@/components/ui/api-error-alert'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { isApiError } from '@/lib/errors'
import { notify } from '@/lib/notices'

import { useArchiveCourse } from '../api/archive-course'
import { useDeleteCourse } from '../api/delete-course'
import { useDuplicateCourse } from '../api/duplicate-course'
import { usePublishCourse } from '../api/publish-course'
import { useRestoreCourse } from '../api/restore-course'
import { tabForField } from '../utils/publish-fields'
import { PublishChecklist } from './publish-checklist'

type Action = 'publish' | 'archive' | 'restore' | 'duplicate' | 'delete'

/** Publish, archive, restore, duplicate or delete the course, each after confirming. */
export function PublishPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const slug = course.slug
  const mutations = {
    publish: usePublishCourse(slug),
    archive: useArchiveCourse(slug),
    restore: useRestoreCourse(slug),
    duplicate: useDuplicateCourse(slug),
    delete: useDeleteCourse(slug),
  }
  const [confirming, setConfirming] = useState<Action | null>(null)
  const [lastAction, setLastAction] = useState<Action | null>(null)
  const error = lastAction ? mutations[lastAction].error : null
  const incomplete = isApiError(error) && error.code === 'course_incomplete' ? error : null
  const hasStudents = isApiError(error) && error.code === 'course_has_students'

  const run = (action: Action) => {
    setLastAction(action)
    const done = () => setConfirming(null)
    if (action === 'delete') {
      mutations.delete.mutate(undefined, {
        onSuccess: () => {
          notify(t('teaching.publish.deleted', { title: course.title }))
          void navigate('/teaching', { replace: true })
        },
        onSettled: done,
      })
    } else if (action === 'duplicate') {
      mutations.duplicate.mutate(undefined, {
        onSuccess: (copy) => {
          notify(t('teaching.publish.duplicated'))
          void navigate(`/teaching/${copy.slug}`)
        },
        onSettled: done,
      })
    } else {
      mutations[action].mutate(undefined, {
        onSuccess: () => notify(t(`teaching.publish.done.${action}`)),
        onSettled: done,
      })
    }
  }

  const button = (action: Action, variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <Button variant={variant} onClick={() => setConfirming(action)} loading={mutations[action].isPending}>
      {t(`teaching.publish.action.${action}`)}
    </Button>
  )

  return (
    <div className="space-y-6">
      <p className="text-slate-700">{t(`teaching.publish.status.${course.status}`)}</p>
      {course.status === 'draft' && <PublishChecklist slug={slug} />}

      {incomplete ? (
        <Alert tone="error" title={t('teaching.publish.incomplete')}>
          <ul className="list-disc space-y-1 ps-5">
            {Object.entries(incomplete.fields).map(([field, messages]) => (
              <li key={field}>
                {messages.join(' ')}{' '}
                <Link to={`/teaching/${slug}?tab=${tabForField(field)}`} className="link">
                  {t(`teaching.publish.fix.${tabForField(field)}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : hasStudents ? (
        <Alert tone="error" title={t('teaching.publish.hasStudentsTitle')} action={course.status !== 'archived' && button('archive')}>
          {t('teaching.publish.hasStudentsBody')}
        </Alert>
      ) : (
        <ApiErrorAlert error={error} />
      )}

      <div className="flex flex-wrap gap-2">
        {course.status === 'draft' && button('publish', 'primary')}
        {course.status === 'published' && button('archive')}
        {course.status === 'archived' && button('restore', 'primary')}
        {button('duplicate')}
        {course.status === 'published' && (
          <Link to={`/courses/${slug}`} className="link inline-flex min-h-11 items-center px-2">
            {t('teaching.publish.viewPublic')}
          </Link>
        )}
      </div>

      <section aria-labelledby="danger-zone" className="space-y-2 rounded-lg border border-red-200 p-4">
        <h3 id="danger-zone" className="font-semibold text-red-800">
          {t('teaching.publish.dangerTitle')}
        </h3>
        <p className="text-sm text-slate-700">{t('teaching.publish.dangerBody')}</p>
        {button('delete', 'danger')}
      </section>

      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`teaching.publish.confirm.${confirming}.title`, { title: course.title }) : ''}
        confirmLabel={confirming ? t(`teaching.publish.action.${confirming}`) : ''}
        cancelLabel={t('common.cancel')}
        tone={confirming === 'delete' || confirming === 'archive' ? 'danger' : 'primary'}
        onConfirm={() => confirming && run(confirming)}
        onCancel={() => setConfirming(null)}
        confirming={confirming ? mutations[confirming].isPending : false}
      >
        {confirming && t(`teaching.publish.confirm.${confirming}.body`)}
      </ConfirmDialog>
    </div>
  )
}
