import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'

import type { MediaRoomValue } from '../media-room-context'
import { DeviceFields, Switch } from './device-fields'
import { LevelMeter } from './level-meter'

/** Device choice during the class: the same choices as the device check, applied at once. */
export function DeviceSettingsDialog({ media }: { media: MediaRoomValue }) {
  const { t } = useTranslation()
  const close = () => media.setDevicesOpen(false)
  return (
    <Dialog open={media.devicesOpen} title={t('media.devices.title')} onClose={close}>
      <div className="space-y-4">
        <DeviceFields media={media} />
        <LevelMeter level={media.micLevel} active={media.micOn} />
        <Switch
          label={t('media.prejoin.audioOnly')}
          hint={t('media.prejoin.audioOnlyHint')}
          checked={media.audioOnly}
          onChange={media.setAudioOnly}
        />
        <div className="flex justify-end">
          <Button onClick={close}>{t('media.devices.done')}</Button>
        </div>
      </div>
    </Dialog>
  )
}
