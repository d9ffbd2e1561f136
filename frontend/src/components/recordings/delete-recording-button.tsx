import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useDeleteRecording } from '@/api/recordings/delete-recording'
import type { Recording } from '@/api/recordings/types'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { errorMessage } from '@/lib/api-messages'
import { notify } from '@/lib/notices'

/** Deletes a recording and its files, after asking. */
export function DeleteRecordingButton({ recording }: { recording: Recording }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const remove = useDeleteRecording()
  return (
    <>
      <Button variant="ghost" size="sm" className="text-red-800 hover:bg-red-50" onClick={() => setAsking(true)}>
        {t('classroom.recordings.delete')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('classroom.recordings.deleteTitle')}
        confirmLabel={t('classroom.recordings.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        confirming={remove.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          remove.mutate(recording.id, {
            onSuccess: () => {
              setAsking(false)
              notify(t('classroom.recordings.deleted'))
            },
            onError: (error) => {
              setAsking(false)
              notify(errorMessage(t, error), 'error')
            },
          })
        }
      >
        {t('classroom.recordings.deleteBody', { title: recording.title })}
      </ConfirmDialog>
    </>
  )
}
