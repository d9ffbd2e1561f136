import { useCallback, useRef, useState } from 'react'

import { chosenDevice, loadPrefs, savePrefs, type DeviceLists, type DevicePrefs } from './devices'
import type { LocalMedia } from './local-media'

/**
 * What the person does with their own devices: microphone, camera, screen, audio only and device choice,
 * before joining and during the class. Choices are remembered on this device for next time.
 */
export function useLocalControls(local: LocalMedia, devices: DeviceLists) {
  const [prefs, setPrefsState] = useState<DevicePrefs>(loadPrefs)
  const cameraBeforeAudioOnly = useRef(false)

  const updatePrefs = useCallback((change: Partial<DevicePrefs>) => {
    setPrefsState((current) => {
      const next = { ...current, ...change }
      savePrefs(next)
      return next
    })
  }, [])

  const toggleMic = useCallback(() => {
    const snap = local.getSnapshot()
    if (!snap.audio) {
      void local.openMic(chosenDevice(devices.audioInput, prefs.audioInput), true)
      updatePrefs({ mic: true })
      return
    }
    local.setMicOn(!snap.micOn)
    updatePrefs({ mic: !snap.micOn })
  }, [local, devices.audioInput, prefs.audioInput, updatePrefs])

  const toggleCamera = useCallback(() => {
    if (local.getSnapshot().camera) {
      local.closeCamera()
      updatePrefs({ camera: false })
      return
    }
    // Turning the camera on ends audio-only mode: one click does what the person means.
    updatePrefs({ camera: true, audioOnly: false })
    void local.openCamera(chosenDevice(devices.videoInput, prefs.videoInput))
  }, [local, devices.videoInput, prefs.videoInput, updatePrefs])

  const toggleScreen = useCallback(() => {
    if (local.getSnapshot().screen) {
      local.stopScreen()
      return
    }
    void local.shareScreen(() => undefined)
  }, [local])

  const setAudioOnly = useCallback(
    (on: boolean) => {
      if (on === prefs.audioOnly) return
      updatePrefs({ audioOnly: on })
      if (on) {
        cameraBeforeAudioOnly.current = local.getSnapshot().camera !== null
        local.closeCamera()
      } else if (cameraBeforeAudioOnly.current) {
        cameraBeforeAudioOnly.current = false
        void local.openCamera(chosenDevice(devices.videoInput, prefs.videoInput))
      }
    },
    [local, prefs.audioOnly, prefs.videoInput, devices.videoInput, updatePrefs],
  )

  const setPrejoinMic = useCallback(
    (on: boolean) => {
      updatePrefs({ mic: on })
      if (local.getSnapshot().audio) local.setMicOn(on)
      else if (on) void local.openMic(chosenDevice(devices.audioInput, prefs.audioInput), true)
    },
    [local, devices.audioInput, prefs.audioInput, updatePrefs],
  )

  const setPrejoinCamera = useCallback(
    (on: boolean) => {
      updatePrefs(on ? { camera: true, audioOnly: false } : { camera: false })
      if (!on) local.closeCamera()
      else if (!local.getSnapshot().camera) void local.openCamera(chosenDevice(devices.videoInput, prefs.videoInput))
    },
    [local, devices.videoInput, prefs.videoInput, updatePrefs],
  )

  const switchDevice = useCallback(
    (kind: 'audioInput' | 'videoInput' | 'audioOutput', deviceId: string | null) => {
      updatePrefs({ [kind]: deviceId })
      const snap = local.getSnapshot()
      if (kind === 'audioInput' && snap.audio) void local.openMic(deviceId, snap.micOn)
      if (kind === 'videoInput' && snap.camera) void local.openCamera(deviceId)
    },
    [local, updatePrefs],
  )

  return {
    prefs,
    toggleMic,
    toggleCamera,
    toggleScreen,
    setAudioOnly,
    setPrejoinMic,
    setPrejoinCamera,
    switchDevice,
  }
}
