import { useEffect, useEffectEvent } from 'react'

/**
 * Ctrl+D (⌘D on a Mac) turns the microphone on or off and Ctrl+E (⌘E) the camera, as in common meeting
 * apps. Keys are read by position (`event.code`), so they work with an Urdu keyboard layout too. Left
 * alone inside the whiteboard, where Ctrl+D duplicates a drawing.
 */
export const SHORTCUTS = { mic: 'Control+D', camera: 'Control+E' } as const

export function useMediaShortcuts({
  enabled,
  toggleMic,
  toggleCamera,
}: {
  enabled: boolean
  toggleMic: () => void
  toggleCamera: () => void
}): void {
  const onMic = useEffectEvent(toggleMic)
  const onCamera = useEffectEvent(toggleCamera)
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.repeat) return
      if (event.code !== 'KeyD' && event.code !== 'KeyE') return
      if (event.target instanceof Element && event.target.closest('.excalidraw')) return
      event.preventDefault()
      if (event.code === 'KeyD') onMic()
      else onCamera()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
