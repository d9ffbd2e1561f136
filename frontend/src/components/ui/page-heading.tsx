import { useEffect, useRef, type ReactNode } from 'react'

import { cn } from './cn'

/**
 * The page's `<h1>`. It can take focus (`tabIndex=-1`) so focus moves to it
 * after client-side navigation.
 */
export function PageHeading({
  children,
  lead,
  className,
  focusOnMount = false,
}: {
  children: ReactNode
  lead?: ReactNode
  className?: string
  /** For content that replaces a form on the same route (e.g. "check your e-mail"). */
  focusOnMount?: boolean
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusOnMount) ref.current?.focus()
  }, [focusOnMount])
  return (
    <div className={cn('mb-6 space-y-2', className)}>
      <h1 ref={ref} tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        {children}
      </h1>
      {lead && <p className="text-lg text-slate-700">{lead}</p>}
    </div>
  )
}
