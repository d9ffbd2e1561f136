import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'

import { useAdmittedRoom } from '../hooks/room-context'
import { BreakoutDialog } from './breakout/breakout-dialog'

/**
 * The tutor's room-wide controls: mute every student, lock the door, open breakout rooms (run from the
 * Rooms tab once open), end the class for everyone.
 */
export function TutorControls() {
  const { t } = useTranslation()
  const { state, session, act } = useAdmittedRoom()
  const [confirmEnd, setConfirmEnd] = useState(false)
  const [breakoutOpen, setBreakoutOpen] = useState(false)
  // Rooms opened (here or by a co-tutor): the dialog is done with, and must not come back after the round.
  if (breakoutOpen && state.breakout) setBreakoutOpen(false)
  return (
    <>
      {!state.breakout && (
        <Button variant="secondary" onClick={() => setBreakoutOpen(true)}>
          {t('classroom.bar.breakout')}
        </Button>
      )}
      <BreakoutDialog open={breakoutOpen} onClose={() => setBreakoutOpen(false)} />
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
