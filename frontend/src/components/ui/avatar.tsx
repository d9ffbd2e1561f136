import { initials } from '@/lib/format'

import { cn } from './cn'

const sizes = {
  sm: 'size-10 text-sm',
  md: 'size-16 text-xl',
  lg: 'size-28 text-3xl',
} as const

/**
 * A round photo, or the person's initials when there is none. Decorative by
 * default (the name is usually printed next to it); pass `alt` otherwise.
 */
export function Avatar({
  src,
  name,
  size = 'md',
  alt,
  className,
}: {
  src?: string | null | undefined
  name: string
  size?: keyof typeof sizes
  alt?: string
  className?: string
}) {
  const classes = cn('shrink-0 rounded-full', sizes[size], className)
  if (src) {
    return <img src={src} alt={alt ?? ''} className={cn(classes, 'bg-slate-200 object-cover')} />
  }
  return (
    <span
      role={alt ? 'img' : undefined}
      aria-label={alt}
      aria-hidden={alt ? undefined : true}
      className={cn(
        classes,
        'inline-flex items-center justify-center bg-brand-100 font-semibold text-brand-800',
      )}
    >
      {initials(name) || '?'}
    </span>
  )
}
