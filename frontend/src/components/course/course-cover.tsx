import { ImageIcon } from '@/components/ui/icons'
import { cn } from '@/components/ui/cn'

const tints = ['from-brand-700 to-brand-900', 'from-sky-700 to-sky-900', 'from-accent-700 to-slate-900', 'from-slate-600 to-slate-800']

function tintFor(seed: string): string {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0
  return tints[Math.abs(hash) % tints.length] ?? tints[0]!
}

/**
 * The course's cover at 16:9, or a calm gradient with the title's initial.
 * Decorative: the title is always printed beside it.
 */
export function CourseCover({
  src,
  title,
  className,
}: {
  src: string | null | undefined
  title: string
  className?: string
}) {
  if (src) {
    return <img src={src} alt="" loading="lazy" className={cn('aspect-video w-full bg-slate-200 object-cover', className)} />
  }
  const initial = Array.from(title.trim())[0]?.toLocaleUpperCase() ?? ''
  return (
    <div
      aria-hidden="true"
      className={cn('flex aspect-video w-full items-center justify-center bg-gradient-to-br text-white', tintFor(title), className)}
    >
      {initial ? <span className="text-5xl font-bold opacity-90">{initial}</span> : <ImageIcon className="size-10 opacity-80" />}
    </div>
  )
}
