import { useEffect, useRef } from 'react'

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }

/**
 * One remote person's sound, played by a hidden `<audio>` whatever the stage shows (their tile may be off
 * screen), at the volume chosen for them and on the chosen speaker where the browser can pick one.
 */
export function RemoteAudio({
  stream,
  volume,
  sinkId,
  peerId,
  userId,
}: {
  stream: MediaStream | null
  volume: number
  sinkId: string | null
  peerId: string
  userId: string
}) {
  const ref = useRef<SinkAudio>(null)

  useEffect(() => {
    const audio = ref.current
    if (!audio) return
    audio.srcObject = stream
    if (stream) void audio.play().catch(() => undefined)
  }, [stream])

  useEffect(() => {
    if (ref.current) ref.current.volume = volume
  }, [volume])

  useEffect(() => {
    const audio = ref.current
    if (!audio?.setSinkId) return
    audio.setSinkId(sinkId ?? '').catch(() => undefined)
  }, [sinkId])

  return <audio ref={ref} autoPlay data-peer-id={peerId} data-user-id={userId} className="hidden" />
}
