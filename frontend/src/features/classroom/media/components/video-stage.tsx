import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

import type { MediaRoomValue, ScreenShare, Tile } from '../media-room-context'
import { planStage } from '../stage-layout'
import { StreamVideo } from './stream-video'
import { VideoTile, type TileSize } from './video-tile'

/** Columns for a grid of `count` tiles: as square as the stage allows. */
function gridColumns(count: number): string {
  if (count <= 1) return 'grid-cols-1'
  if (count <= 4) return 'grid-cols-1 sm:grid-cols-2'
  if (count <= 9) return 'grid-cols-2 sm:grid-cols-3'
  return 'grid-cols-3 sm:grid-cols-4'
}

function TileFor({ media, tile, size }: { media: MediaRoomValue; tile: Tile; size: TileSize }) {
  return (
    <VideoTile
      tile={tile}
      size={size}
      pinned={media.pinned === tile.userId}
      onPin={media.setPinned}
      volume={media.volumes[tile.key] ?? 1}
      onVolume={(volume) => media.setVolume(tile.key, volume)}
    />
  )
}

/** A row of small tiles under the main area (speaker view, a shared screen, the whiteboard). */
export function TileStrip({ media, tiles, className }: { media: MediaRoomValue; tiles: Tile[]; className?: string }) {
  const { t } = useTranslation()
  if (tiles.length === 0) return null
  return (
    <ul aria-label={t('media.stage.strip')} className={cn('flex gap-2 overflow-x-auto p-2', className)}>
      {tiles.map((tile) => (
        <li key={tile.key} className="shrink-0">
          <TileFor media={media} tile={tile} size="strip" />
        </li>
      ))}
    </ul>
  )
}

function ScreenView({ media, screen }: { media: MediaRoomValue; screen: ScreenShare }) {
  const { t } = useTranslation()
  return (
    <figure className="relative flex min-h-0 flex-1 flex-col" aria-label={t('media.stage.screenOf', { name: screen.name })}>
      {screen.local ? (
        <StreamVideo stream={screen.stream} fit="contain" data-local="true" data-screen="true" data-user-id={screen.userId} />
      ) : (
        <StreamVideo
          stream={screen.stream}
          fit="contain"
          data-screen="true"
          data-peer-id={screen.peerId ?? undefined}
          data-user-id={screen.userId}
        />
      )}
      <figcaption className="absolute start-2 top-2 flex flex-wrap items-center gap-2 rounded bg-slate-950/70 px-2 py-1 text-sm text-white">
        {screen.local ? t('media.stage.youShare') : t('media.stage.screenOf', { name: screen.name })}
        {screen.local && (
          <Button size="sm" variant="danger" onClick={media.toggleScreen}>
            {t('media.controls.stopShare')}
          </Button>
        )}
      </figcaption>
    </figure>
  )
}

/** The video stage: a grid of everyone, or one person large with the others in a strip; a shared screen first. */
export function VideoStage({ media }: { media: MediaRoomValue }) {
  const { t } = useTranslation()
  const byKey = new Map(media.tiles.map((tile) => [tile.key, tile]))
  const plan = planStage({ layout: media.layout, tiles: media.tiles, screen: media.screen, onStage: media.stageUserId })
  const others = plan.others.map((key) => byKey.get(key)).filter((tile): tile is Tile => tile !== undefined)

  if (plan.main?.kind === 'screen' && media.screen) {
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        <ScreenView media={media} screen={media.screen} />
        <TileStrip media={media} tiles={others} />
      </div>
    )
  }
  if (plan.main?.kind === 'tile') {
    const main = byKey.get(plan.main.key)
    return (
      <div className="flex min-h-0 flex-1 flex-col">
        <div className="min-h-0 flex-1 p-2">{main && <TileFor media={media} tile={main} size="main" />}</div>
        <TileStrip media={media} tiles={others} />
      </div>
    )
  }
  return (
    <ul
      aria-label={t('media.stage.grid')}
      className={cn('grid min-h-0 flex-1 content-center gap-2 overflow-y-auto p-2', gridColumns(others.length))}
    >
      {others.map((tile) => (
        <li key={tile.key} className={cn('aspect-video min-h-0', others.length === 1 && 'mx-auto max-h-full w-full')}>
          <TileFor media={media} tile={tile} size="grid" />
        </li>
      ))}
    </ul>
  )
}
