import { useTranslation } from 'react-i18next'

import { Button, ButtonLink } from '@/components/ui/button'

import { useAdmittedRoom } from '../hooks/room-context'
import { MediaControls } from '../media/components/media-controls'
import { RecordingControl } from '../recording/recording-control'
import { ReactionsPicker } from './reactions-picker'
import { TutorControls } from './tutor-controls'

/** The room's controls, under the stage; on phones the panels' tabs follow it. */
export function ActionBar() {
  const { t } = useTranslation()
  const { state, me, act } = useAdmittedRoom()
  const handUp = state.hands.includes(me.userId)
  return (
    <div
      role="group"
      aria-label={t('classroom.bar.label')}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <MediaControls />
      {!me.tutor && (
        <Button
          variant={handUp ? 'primary' : 'secondary'}
          onClick={() => act({ type: handUp ? 'hand.lower' : 'hand.raise' })}
        >
          <span aria-hidden="true">✋</span>
          {handUp ? t('classroom.bar.lowerHand') : t('classroom.bar.raiseHand')}
        </Button>
      )}
      <ReactionsPicker />
      {me.tutor && <TutorControls />}
      <RecordingControl />
      <ButtonLink variant="ghost" to={me.tutor ? '/teaching' : '/my/courses'} className="ms-auto">
        {t('classroom.leave')}
      </ButtonLink>
    </div>
  )
}
