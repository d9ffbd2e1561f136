import { useEffect, useRef, type ReactNode } from 'react'

import { cn } from './cn'

type Tone = 'info' | 'success' | 'warning' | 'error'

const tones: Record<Tone, string> = {
  info: 'border-sky-700 bg-sky-50 text-sky-950',
  success: 'border-brand-700 bg-brand-50 text-brand-900',
  warning: 'border-accent-700 bg-accent-100 text-slate-900',
  error: 'border-red-700 bg-red-50 text-red-900',
}

const icons: Record<Tone, string> = { info: 'ℹ', success: '✓', warning: '!', error: '⚠' }

/** A message box. Errors are announced at once (`role="alert"`), the rest politely. */
export function Alert({
  tone = 'info',
  title,
  children,
  action,
  className,
  focusOnMount = false,
}: {
  tone?: Tone
  title?: ReactNode
  children?: ReactNode
  action?: ReactNode
  className?: string
  /** Take focus when shown, for messages that replace the form the person was using. */
  focusOnMount?: boolean
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focusOnMount) ref.current?.focus()
  }, [focusOnMount])
  return (
    <div
      ref={ref}
      tabIndex={focusOnMount ? -1 : undefined}
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('flex gap-3 rounded-md border-s-4 p-4', tones[tone], className)}
    >
      <span aria-hidden="true" className="font-bold">
        {icons[tone]}
      </span>
      <div className="min-w-0 flex-1 space-y-2">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div>{children}</div>}
        {action && <div>{action}</div>}
      </div>
    </div>
  )
}
