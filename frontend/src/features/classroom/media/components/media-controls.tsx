import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { buttonClasses } from '@/components/ui/button-classes'
import { cn } from '@/components/ui/cn'

import { useMediaRoom } from '../media-room-context'
import { SHORTCUTS } from '../use-media-shortcuts'
import { DeviceSettingsDialog } from './device-settings-dialog'
import { AudioOnlyIcon, CameraIcon, GridIcon, MicIcon, ScreenIcon, SettingsIcon, SpeakerViewIcon } from './media-icons'
import { QualityIcon } from './quality-icon'

function ToggleButton({
  pressed,
  onClick,
  children,
  title,
  shortcut,
  danger = false,
}: {
  pressed?: boolean
  onClick: () => void
  children: ReactNode
  title?: string
  shortcut?: string
  /** Shown in red while off (a microphone or camera that is off). */
  danger?: boolean
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      title={title}
      onClick={onClick}
      className={buttonClasses({
        variant: danger ? 'danger' : pressed ? 'primary' : 'secondary',
        className: 'px-3',
      })}
    >
      {children}
    </button>
  )
}

/**
 * The class's video controls in the room's bar: microphone, camera, screen sharing (for those allowed),
 * audio only, devices and the layout, with one's own connection. Nothing before the device check is done.
 */
export function MediaControls() {
  const { t } = useTranslation()
  const media = useMediaRoom()
  if (!media || media.status !== 'joined') return null
  const micTitle = `${t('media.controls.microphone')} (${t('media.controls.shortcutMic')})`
  const cameraTitle = `${t('media.controls.camera')} (${t('media.controls.shortcutCamera')})`
  return (
    <div
      role="group"
      aria-label={t('media.controls.label')}
      className="flex flex-wrap items-center gap-2"
      data-media-controls
      data-quality={media.selfQuality ?? undefined}
    >
      <ToggleButton pressed={media.micOn} danger={!media.micOn} onClick={media.toggleMic} title={micTitle} shortcut={SHORTCUTS.mic}>
        <MicIcon off={!media.micOn} />
        {t('media.controls.microphone')}
      </ToggleButton>
      <ToggleButton
        pressed={media.cameraOn}
        danger={!media.cameraOn}
        onClick={media.toggleCamera}
        title={cameraTitle}
        shortcut={SHORTCUTS.camera}
      >
        <CameraIcon off={!media.cameraOn} />
        {t('media.controls.camera')}
      </ToggleButton>
      {media.canShare && (
        <ToggleButton onClick={media.toggleScreen}>
          <ScreenIcon />
          {media.sharing ? t('media.controls.stopShare') : t('media.controls.share')}
        </ToggleButton>
      )}
      <ToggleButton
        pressed={media.audioOnly}
        onClick={() => media.setAudioOnly(!media.audioOnly)}
        title={t('media.prejoin.audioOnlyHint')}
      >
        <AudioOnlyIcon />
        {t('media.controls.audioOnly')}
      </ToggleButton>
      <ToggleButton onClick={() => media.setDevicesOpen(true)}>
        <SettingsIcon />
        {t('media.controls.devices')}
      </ToggleButton>
      <div role="group" aria-label={t('media.controls.layout')} className="inline-flex rounded-md">
        <button
          type="button"
          aria-pressed={media.layout === 'grid'}
          onClick={() => media.setLayout('grid')}
          className={cn(buttonClasses({ variant: media.layout === 'grid' ? 'primary' : 'secondary', className: 'rounded-e-none px-3' }))}
        >
          <GridIcon />
          {t('media.controls.grid')}
        </button>
        <button
          type="button"
          aria-pressed={media.layout === 'speaker'}
          onClick={() => media.setLayout('speaker')}
          className={cn(buttonClasses({ variant: media.layout === 'speaker' ? 'primary' : 'secondary', className: '-ms-px rounded-s-none px-3' }))}
        >
          <SpeakerViewIcon />
          {t('media.controls.speaker')}
        </button>
      </div>
      {media.selfQuality && (
        <span className="inline-flex items-center gap-1 rounded-md bg-slate-800 px-2 py-2 text-sm text-white">
          <QualityIcon quality={media.selfQuality} self />
        </span>
      )}
      {media.reducedVideo && <span className="text-sm text-slate-700">{t('media.controls.reduced')}</span>}
      <DeviceSettingsDialog media={media} />
    </div>
  )
}
