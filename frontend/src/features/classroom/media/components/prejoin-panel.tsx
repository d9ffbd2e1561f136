import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'

import { useAdmittedRoom } from '../../hooks/room-context'
import { problemSummary } from '../devices'
import type { MediaRoomValue } from '../media-room-context'
import { DeviceFields, Switch } from './device-fields'
import { LevelMeter } from './level-meter'
import { StreamVideo } from './stream-video'

/**
 * The device check before the class's video starts: a preview of the camera, the microphone's level,
 * which devices to use, camera and microphone on or off, audio only for slow connections, then joining with
 * them or without any. Shown over the stage once the room has let the person in.
 */
export function PrejoinPanel({ media }: { media: MediaRoomValue }) {
  const { t } = useTranslation()
  const { state, me } = useAdmittedRoom()
  const headingId = useId()
  const local = media.local
  const person = state.participants.find((p) => p.user_id === me.userId)
  const summary = problemSummary(local.audioProblem, local.videoProblem)
  const problem = summary ? t(`media.problem.${summary}`) : null
  const hasMic = local.audio !== null
  const hasCamera = local.camera !== null
  const cameraWanted = media.prefs.camera && !media.audioOnly

  let joinLabel: string | null = null
  if (hasCamera && media.micOn) joinLabel = t('media.prejoin.joinBoth')
  else if (hasCamera) joinLabel = t('media.prejoin.joinCamera')
  else if (media.micOn) joinLabel = t('media.prejoin.joinMic')

  return (
    <section
      aria-labelledby={headingId}
      className="mx-auto grid w-full max-w-4xl gap-4 rounded-lg bg-white p-4 text-slate-900 shadow-xl sm:p-6 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]"
      data-prejoin
    >
      <div className="space-y-3 md:col-span-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {t('media.prejoin.title')}
        </h2>
        <p className="text-slate-700">{t('media.prejoin.body')}</p>
      </div>

      <div className="space-y-3">
        <div className="relative flex aspect-video items-center justify-center overflow-hidden rounded-md bg-slate-900">
          {hasCamera && local.stream ? (
            <StreamVideo stream={local.stream} mirror data-local="true" data-user-id={me.userId} aria-label={t('media.prejoin.preview')} />
          ) : (
            <div className="flex flex-col items-center gap-2 text-center text-slate-100">
              <Avatar src={person?.avatar_url} name={person?.name ?? ''} size="md" />
              <p>{local.busy ? t('media.prejoin.opening') : t('media.prejoin.cameraOff')}</p>
            </div>
          )}
        </div>
        <LevelMeter level={media.micLevel} active={media.micOn} />
      </div>

      <div className="space-y-3">
        {problem && (
          <Alert tone="warning" title={t('media.problem.title')}>
            {problem}
          </Alert>
        )}
        {media.crowded && <Alert tone="info">{t('media.prejoin.crowded', { limit: media.settings?.mesh_limit ?? 0 })}</Alert>}
        {media.devicesSupported && (
          <>
            <div className="grid gap-2">
              <Switch
                label={t('media.prejoin.camera')}
                checked={cameraWanted && (hasCamera || local.busy)}
                onChange={media.setPrejoinCamera}
              />
              <Switch label={t('media.prejoin.microphone')} checked={media.micOn} onChange={media.setPrejoinMic} />
              <Switch
                label={t('media.prejoin.audioOnly')}
                hint={t('media.prejoin.audioOnlyHint')}
                checked={media.audioOnly}
                onChange={media.setAudioOnly}
              />
            </div>
            <DeviceFields media={media} />
          </>
        )}
      </div>

      <div className="flex flex-wrap gap-3 md:col-span-2">
        {joinLabel && (
          <Button size="lg" onClick={() => media.join(true)} disabled={local.busy}>
            {joinLabel}
          </Button>
        )}
        <Button size="lg" variant={joinLabel ? 'secondary' : 'primary'} onClick={() => media.join(false)}>
          {t('media.prejoin.joinWithout')}
        </Button>
        {!hasMic && !hasCamera && media.devicesSupported && (
          <p className="w-full text-sm text-slate-600">{t('media.prejoin.withoutHint')}</p>
        )}
      </div>
    </section>
  )
}
