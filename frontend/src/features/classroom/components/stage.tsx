import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'

import { useAdmittedRoom } from '../hooks/room-context'
import { ReactionBubbles } from './reaction-bubbles'
import { LazyWhiteboard } from './whiteboard/lazy-whiteboard'

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
 * The main area of the room. Video and screen sharing will render here as `children`; otherwise the class's
 * whiteboard fills it (when the class has one). Reactions float over whatever is shown.
 */
export function Stage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const { state } = useAdmittedRoom()
  const board = !children && state.board !== null
  return (
    <section
      aria-label={t('classroom.stage.label')}
      className={cn(
        'relative flex w-full overflow-hidden rounded-lg bg-slate-900',
        board
          ? 'h-[75dvh] min-h-[26rem] flex-col items-stretch'
          : 'aspect-video max-h-[60dvh] items-center justify-center',
      )}
    >
      {children ?? (board ? <LazyWhiteboard /> : <StagePlaceholder />)}
      <ReactionBubbles reactions={state.reactions} people={state.participants} />
    </section>
  )
}
