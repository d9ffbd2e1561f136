import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

import type { Assignment } from '@/api/types'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { notify } from '@/lib/notices'

import { useDeleteAssignment } from '../../api/assignment-delete'
import { gradingErrorMessage } from './grading-errors'
import { useAssignmentsNav } from './use-assignments-nav'

/** Deletes after a confirmation; the server refuses once students have handed work in. */
export function DeleteAssignmentButton({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation()
  const nav = useAssignmentsNav()
  const navigate = useNavigate()
  const remove = useDeleteAssignment(assignment.course_slug)
  const [open, setOpen] = useState(false)

  const onConfirm = () =>
    remove.mutate(assignment, {
      onSuccess: () => {
        setOpen(false)
        notify(t('grading.delete.done', { title: assignment.title }))
        void navigate({ search: nav.listHref }, { replace: true })
      },
      onError: (error) => {
        setOpen(false)
        notify(gradingErrorMessage(t, error), 'error')
      },
    })

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('grading.delete.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('grading.delete.title', { title: assignment.title })}
        confirmLabel={t('grading.delete.confirm')}
        cancelLabel={t('common.cancel')}
        confirming={remove.isPending}
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      >
        {t('grading.delete.body')}
      </ConfirmDialog>
    </>
  )
}
