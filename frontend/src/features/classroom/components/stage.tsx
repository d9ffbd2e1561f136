import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

import { useAdmittedRoom } from '../hooks/room-context'
import { PrejoinPanel } from '../media/components/prejoin-panel'
import { StageViewSwitch } from '../media/components/stage-view-switch'
import { TileStrip, VideoStage } from '../media/components/video-stage'
import { ZoomPanel } from '../media/components/zoom-panel'
import { useMediaRoom } from '../media/media-room-context'
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

/** The whiteboard in a flex column beside other stage parts. */
function Board() {
  return (
    <div className="min-h-0 flex-1">
      <LazyWhiteboard />
    </div>
  )
}

type StageShape = 'board' | 'video' | 'panel' | 'placeholder'

const shapes: Record<StageShape, string> = {
  board: 'h-[75dvh] min-h-[26rem] flex-col items-stretch',
  video: 'h-[70dvh] min-h-[24rem] flex-col items-stretch',
  panel: 'min-h-[26rem] flex-col items-stretch justify-center p-3 sm:p-6',
  placeholder: 'aspect-video max-h-[60dvh] items-center justify-center',
}

/**
 * The main area of the room. Before the class's video starts: the device check. With video: everyone's
 * tiles (grid or speaker view) or a shared screen, and a switch to the whiteboard, which keeps a strip of
 * tiles above it. Without video (a server without it), the whiteboard fills the stage as before; a Zoom
 * class shows its meeting links above the board. Reactions float over whatever is shown.
 */
export function Stage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  const { state, me } = useAdmittedRoom()
  const media = useMediaRoom()
  const hasBoard = state.board !== null

  let shape: StageShape
  let content: ReactNode
  if (children) {
    shape = 'placeholder'
    content = children
  } else if (media?.status === 'prejoin') {
    shape = 'panel'
    content = <PrejoinPanel media={media} />
  } else if (media?.status === 'joined') {
    const view = hasBoard ? media.view : 'video'
    shape = view === 'board' ? 'board' : 'video'
    content = (
      <>
        {hasBoard && <StageViewSwitch media={media} />}
        {view === 'board' ? (
          <>
            <TileStrip media={media} tiles={media.tiles} className="bg-slate-900" />
            <Board />
          </>
        ) : (
          <VideoStage media={media} />
        )}
      </>
    )
  } else if (media?.status === 'zoom') {
    shape = hasBoard ? 'board' : 'panel'
    content = (
      <>
        <ZoomPanel zoom={media.settings?.zoom ?? null} tutor={me.tutor} />
        {hasBoard && <Board />}
      </>
    )
  } else {
    shape = hasBoard ? 'board' : 'placeholder'
    content = (
      <>
        {media?.loadFailed && (
          <div className="m-2 flex flex-wrap items-center gap-3 rounded-md bg-white/95 px-3 py-2 text-sm text-slate-900" role="status">
            {t('media.loadFailed')}
            <Button size="sm" variant="secondary" onClick={media.retryLoad}>
              {t('media.retry')}
            </Button>
          </div>
        )}
        {hasBoard ? <LazyWhiteboard /> : <StagePlaceholder />}
      </>
    )
  }

  return (
    <section
      aria-label={t('classroom.stage.label')}
      className={cn('relative flex w-full overflow-hidden rounded-lg bg-slate-900', shapes[shape])}
    >
      {content}
      <ReactionBubbles reactions={state.reactions} people={state.participants} />
    </section>
  )
}
