import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

import { buttonClasses, type ButtonVariant } from '@/components/ui/button-classes'
import { cn } from '@/components/ui/cn'

import { PopoverCloseContext, usePopoverClose } from './popover-context'

/**
 * A button that shows a small panel of actions (disclosure pattern). Focus moves to the first action on
 * opening; choosing an action, Escape or a click elsewhere closes it, and the first two return focus to
 * the button.
 */
export function Popover({
  label,
  buttonLabel,
  variant = 'secondary',
  placement = 'below',
  buttonClassName,
  children,
}: {
  /** The button's content. */
  label: ReactNode
  /** The button's accessible name when its content is not enough (an icon, an emoji). */
  buttonLabel?: string
  variant?: ButtonVariant
  /** `above` for a bar at the bottom of the screen. */
  placement?: 'above' | 'below'
  buttonClassName?: string
  children: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    panelRef.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus()
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.stopPropagation()
    close()
  }

  return (
    <div ref={rootRef} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel}
        onClick={() => setOpen((value) => !value)}
        className={buttonClasses({ variant, className: buttonClassName })}
      >
        {label}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        hidden={!open}
        className={cn(
          'absolute end-0 z-30 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg',
          placement === 'above' ? 'bottom-full mb-2' : 'top-full mt-1',
        )}
      >
        {open && <PopoverCloseContext value={close}>{children}</PopoverCloseContext>}
      </div>
    </div>
  )
}

/** One action in a popover; the popover closes once it has run. */
export function PopoverItem({
  children,
  onSelect,
  tone = 'default',
}: {
  children: ReactNode
  onSelect: () => void
  tone?: 'default' | 'danger'
}) {
  const close = usePopoverClose()
  return (
    <button
      type="button"
      onClick={() => {
        onSelect()
        close()
      }}
      className={cn(
        'flex min-h-11 w-full items-center gap-2 rounded px-3 text-start font-medium hover:bg-slate-100',
        tone === 'danger' ? 'text-red-800' : 'text-slate-900',
      )}
    >
      {children}
    </button>
  )
}
