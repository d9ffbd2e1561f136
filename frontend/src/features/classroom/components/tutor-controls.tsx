import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

import { useAdmittedRoom } from '../hooks/room-context'

/** The tutor's room-wide controls: mute every student, lock the door, end the class for everyone. */
export function TutorControls() {
  const { t } = useTranslation()
  const { session, act } = useAdmittedRoom()
  const [confirmEnd, setConfirmEnd] = useState(false)
  return (
    <>
      <Button variant="secondary" onClick={() => act({ type: 'mute.all' })}>
        {t('classroom.bar.muteAll')}
      </Button>
      <Button variant="secondary" onClick={() => act({ type: 'room.lock', locked: !session.locked })}>
        {session.locked ? t('classroom.bar.unlock') : t('classroom.bar.lock')}
      </Button>
      <Button variant="danger" onClick={() => setConfirmEnd(true)}>
        {t('classroom.bar.end')}
      </Button>
      <ConfirmDialog
        open={confirmEnd}
        title={t('classroom.bar.endTitle')}
        confirmLabel={t('classroom.bar.endConfirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          act({ type: 'class.end' })
          setConfirmEnd(false)
        }}
      >
        {t('classroom.bar.endBody')}
      </ConfirmDialog>
    </>
  )
}
