import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { notify } from '@/lib/notices'

import { useCancelClass } from '../api/cancel-class'
import type { LiveClass } from '../api/types'
import { useClassTimes } from '../hooks/use-class-times'
import { classErrorMessage } from '../utils/class-errors'

/** Cancels a class after a confirmation; its students hear of it at once. */
export function CancelClassButton({ session }: { session: LiveClass }) {
  const { t } = useTranslation()
  const times = useClassTimes()
  const cancel = useCancelClass()
  const [open, setOpen] = useState(false)

  const onConfirm = () =>
    cancel.mutate(session.id, {
      onSuccess: () => {
        setOpen(false)
        notify(t('schedule.teaching.cancelDialog.done', { title: session.title }))
      },
      onError: (error) => {
        setOpen(false)
        notify(t('schedule.teaching.cancelDialog.failed', { reason: classErrorMessage(t, error) }), 'error')
      },
    })

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        {t('schedule.teaching.cancel')}
        <span className="sr-only">: {session.title}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={t('schedule.teaching.cancelDialog.title')}
        confirmLabel={t('schedule.teaching.cancelDialog.confirm')}
        cancelLabel={t('schedule.teaching.cancelDialog.keep')}
        confirming={cancel.isPending}
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      >
        <p>
          {t('schedule.teaching.cancelDialog.body', {
            title: session.title,
            when: times.range(session.starts_at, session.ends_at),
          })}
        </p>
      </ConfirmDialog>
    </>
  )
}
