import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Avatar } from '@/components/ui/avatar'

import { useAdmittedRoom } from '../hooks/room-context'
import { ReactionBubbles } from './reaction-bubbles'

/** Who is on stage until video arrives: the spotlighted person, else the tutor. */
function StagePlaceholder() {
  const { t } = useTranslation()
  const { state, session } = useAdmittedRoom()
  const spotlight = state.participants.find((p) => p.user_id === session.spotlight_user_id)
  const onStage = spotlight ?? state.participants.find((p) => p.role === 'tutor')
  if (!onStage) {
    return <p className="px-6 text-center text-lg text-slate-100">{t('classroom.stage.noTutor')}</p>
  }
  return (
    <div className="flex flex-col items-center gap-3 px-6 text-center text-white">
      <Avatar src={onStage.avatar_url} name={onStage.name} size="lg" />
      <p className="text-xl font-semibold">{onStage.name}</p>
      {spotlight && <p className="text-sm text-slate-200">{t('classroom.stage.spotlight')}</p>}
    </div>
  )
}

/**
 * The main area of the room. Video, screen sharing and the whiteboard will render here as `children`;
 * reactions float over whatever is shown.
 */
export function Stage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const { state } = useAdmittedRoom()
  return (
    <section
      aria-label={t('classroom.stage.label')}
      className="relative flex aspect-video max-h-[60dvh] w-full items-center justify-center overflow-hidden rounded-lg bg-slate-900"
    >
      {children ?? <StagePlaceholder />}
      <ReactionBubbles reactions={state.reactions} people={state.participants} />
    </section>
  )
}
