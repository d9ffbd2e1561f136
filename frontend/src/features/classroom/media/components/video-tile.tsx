import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Avatar } from '@/components/ui/avatar'
import { cn } from '@/components/ui/cn'

import { Popover, PopoverItem } from '../../components/popover'
import type { Tile } from '../media-room-context'
import { MicIcon, PinIcon } from './media-icons'
import { QualityIcon } from './quality-icon'
import { StreamVideo } from './stream-video'

export type TileSize = 'main' | 'grid' | 'strip'

/**
 * One person on the stage: their camera, or their avatar while it is off; their name, a crossed-out
 * microphone when muted, their connection, and a ring while they speak. Their menu pins them on this screen
 * and, for others, sets how loud they are here.
 */
export function VideoTile({
  tile,
  size,
  pinned,
  onPin,
  volume,
  onVolume,
}: {
  tile: Tile
  size: TileSize
  pinned: boolean
  onPin: (userId: string | null) => void
  volume: number
  onVolume: (volume: number) => void
}) {
  const { t } = useTranslation()
  const volumeId = useId()
  const name = tile.local ? t('media.tile.you', { name: tile.name }) : tile.name
  const showVideo = tile.video && tile.stream !== null
  return (
    <figure
      aria-label={name}
      className={cn(
        'relative flex size-full min-h-0 items-center justify-center rounded-md bg-slate-800 ring-inset transition-shadow',
        tile.speaking ? 'ring-4 ring-emerald-400' : 'ring-1 ring-white/10',
        size === 'strip' && 'aspect-video w-40 shrink-0 sm:w-48',
      )}
      data-tile={tile.key}
      data-speaking={tile.speaking ? 'true' : undefined}
    >
      {showVideo && tile.stream ? (
        <div className="absolute inset-0 overflow-hidden rounded-md">
          {tile.local ? (
            <StreamVideo stream={tile.stream} mirror data-local="true" data-user-id={tile.userId} />
          ) : (
            <StreamVideo stream={tile.stream} data-peer-id={tile.peerId ?? undefined} data-user-id={tile.userId} />
          )}
        </div>
      ) : (
        <div className="flex flex-col items-center gap-2 p-2 text-center">
          <Avatar src={tile.avatarUrl} name={tile.name} size={size === 'strip' ? 'sm' : size === 'main' ? 'lg' : 'md'} />
          {tile.audioOnly && size !== 'strip' && <p className="text-xs text-slate-200">{t('media.tile.audioOnly')}</p>}
        </div>
      )}
      {tile.link && tile.link !== 'connected' && (
        <p className="absolute inset-x-0 top-2 text-center text-xs font-medium text-slate-100" role="status">
          {tile.link === 'failed' ? t('media.tile.linkFailed') : t('media.tile.connecting')}
        </p>
      )}
      <figcaption className="absolute inset-x-1 bottom-1 flex items-center gap-1.5 rounded bg-slate-950/70 px-2 py-1 text-xs text-white sm:text-sm">
        {!tile.audio && (
          <span className="inline-flex text-red-300" title={t('media.tile.muted')}>
            <MicIcon off className="size-4" />
            <span className="sr-only">{t('media.tile.muted')}</span>
          </span>
        )}
        {pinned && (
          <span className="inline-flex" title={t('media.tile.pinned')}>
            <PinIcon className="size-4" />
            <span className="sr-only">{t('media.tile.pinned')}</span>
          </span>
        )}
        <span className="min-w-0 flex-1 truncate">{name}</span>
        <QualityIcon quality={tile.quality} self={tile.local} />
      </figcaption>
      {size === 'strip' ? (
        // The strip scrolls, which would clip a menu: a click puts the person on the stage instead.
        <button
          type="button"
          aria-pressed={pinned}
          aria-label={t('media.tile.pinName', { name: tile.name })}
          onClick={() => onPin(pinned ? null : tile.userId)}
          className="absolute inset-0 rounded-md focus-visible:outline-4 focus-visible:outline-offset-[-4px] focus-visible:outline-white"
        />
      ) : (
        <div className="absolute end-1 top-1">
          <Popover
            label={<span aria-hidden="true">⋯</span>}
            buttonLabel={t('media.tile.options', { name: tile.name })}
            variant="outline-light"
            buttonClassName="min-h-8 min-w-8 bg-slate-950/60 px-1.5 text-sm"
          >
            <PopoverItem onSelect={() => onPin(pinned ? null : tile.userId)}>
              {pinned ? t('media.tile.unpin') : t('media.tile.pin')}
            </PopoverItem>
            {!tile.local && (
              <div className="px-3 py-2">
                <label htmlFor={volumeId} className="block text-sm font-medium text-slate-900">
                  {t('media.tile.volume', { name: tile.name })}
                </label>
                <input
                  id={volumeId}
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={Math.round(volume * 100)}
                  aria-valuetext={`${Math.round(volume * 100)}%`}
                  onChange={(event) => onVolume(Number(event.target.value) / 100)}
                  className="mt-1 w-full accent-brand-700"
                />
              </div>
            )}
          </Popover>
        </div>
      )}
    </figure>
  )
}
