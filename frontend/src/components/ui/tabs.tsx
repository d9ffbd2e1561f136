import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

import { cn } from './cn'

export interface TabItem<T extends string> {
  id: T
  label: ReactNode
}

/**
 * WAI-ARIA tabs: one tab stop, arrow keys move between tabs (mirrored in
 * right-to-left pages), Home/End jump to the ends. Only the selected panel renders.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
  wrap = false,
}: {
  label: string
  tabs: readonly TabItem<T>[]
  selected: T
  onSelect: (id: T) => void
  children: ReactNode
  /** In narrow panels: tabs go onto a second line instead of scrolling out of sight. */
  wrap?: boolean
}) {
  const baseId = useId()
  const refs = useRef(new Map<T, HTMLButtonElement>())

  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]
    if (!tab) return
    onSelect(tab.id)
    refs.current.get(tab.id)?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl'
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight'
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft'
    if (event.key === forward) focusTab(index + 1)
    else if (event.key === backward) focusTab(index - 1)
    else if (event.key === 'Home') focusTab(0)
    else if (event.key === 'End') focusTab(tabs.length - 1)
    else return
    event.preventDefault()
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className={cn(
          '-mx-4 flex gap-1 border-b border-slate-200 px-4 sm:mx-0 sm:px-0',
          wrap ? 'flex-wrap' : 'overflow-x-auto',
        )}
      >
        {tabs.map((tab, index) => {
          const active = tab.id === selected
          return (
            <button
              key={tab.id}
              ref={(node) => {
                if (node) refs.current.set(tab.id, node)
                else refs.current.delete(tab.id)
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel`}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={cn(
                'min-h-11 shrink-0 border-b-2 font-semibold whitespace-nowrap',
                wrap ? 'px-3' : 'px-4',
                active ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:text-slate-900',
              )}
            >
              {tab.label}
            </button>
          )
        })}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${selected}`}
        tabIndex={0}
        className="pt-6"
      >
        {children}
      </div>
    </div>
  )
}
