import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { groupDevices, type DeviceLists } from './devices'
import type { LocalMedia } from './local-media'

const NONE: DeviceLists = { audioInput: [], videoInput: [], audioOutput: [] }

/**
 * The cameras, microphones and speakers the browser offers, listed again when one is plugged in or out and
 * when `permissionKey` changes (names appear only once the site may use a device).
 */
export function useDevices(local: LocalMedia, permissionKey: string): { devices: DeviceLists; refresh: () => void } {
  const { t } = useTranslation()
  const [devices, setDevices] = useState<DeviceLists>(NONE)

  const refresh = useCallback(() => {
    void local.listDevices().then((list) =>
      setDevices(
        groupDevices(list, (kind, index) =>
          kind === 'videoinput'
            ? t('media.devices.cameraN', { number: index })
            : kind === 'audioinput'
              ? t('media.devices.micN', { number: index })
              : t('media.devices.speakerN', { number: index }),
        ),
      ),
    )
  }, [local, t])

  useEffect(() => {
    refresh()
  }, [refresh, permissionKey])

  useEffect(() => {
    if (typeof navigator === 'undefined' || !navigator.mediaDevices?.addEventListener) return
    navigator.mediaDevices.addEventListener('devicechange', refresh)
    return () => navigator.mediaDevices.removeEventListener('devicechange', refresh)
  }, [refresh])

  return { devices, refresh }
}
