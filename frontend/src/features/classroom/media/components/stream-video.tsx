import { useEffect, useRef, type VideoHTMLAttributes } from 'react'

import { cn } from '@/components/ui/cn'

/**
 * A `<video>` showing a `MediaStream`. Always muted: sound plays through each person's own `<audio>`, so
 * it goes on when their tile is off screen and one's own microphone never echoes.
 */
export function StreamVideo({
  stream,
  mirror = false,
  fit = 'cover',
  className,
  ...rest
}: Omit<VideoHTMLAttributes<HTMLVideoElement>, 'muted' | 'autoPlay' | 'playsInline'> & {
  stream: MediaStream
  /** One's own camera, shown as in a mirror. */
  mirror?: boolean
  fit?: 'cover' | 'contain'
  [data: `data-${string}`]: string | undefined
}) {
  const ref = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    const video = ref.current
    if (!video) return
    video.srcObject = stream
    const playing = video.play?.() as Promise<void> | undefined
    playing?.catch(() => undefined)
  }, [stream])
  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted
      className={cn(
        'size-full bg-slate-950',
        fit === 'cover' ? 'object-cover' : 'object-contain',
        mirror && '-scale-x-100',
        className,
      )}
      {...rest}
    />
  )
}
