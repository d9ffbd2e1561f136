import { useEffect, useState, useSyncExternalStore } from 'react'

import { browserMediaDevices, LocalMedia, type LocalSnapshot } from './local-media'

/** This page's camera, microphone and screen: one `LocalMedia` for the room's lifetime, stopped on leaving. */
export function useLocalMedia(): { local: LocalMedia; snapshot: LocalSnapshot } {
  const [local] = useState(() => new LocalMedia(browserMediaDevices()))
  const snapshot = useSyncExternalStore(local.subscribe, local.getSnapshot)
  useEffect(() => {
    local.revive()
    return () => local.dispose()
  }, [local])
  return { local, snapshot }
}
