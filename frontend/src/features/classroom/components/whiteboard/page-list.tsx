import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'

import type { PageGroup } from '../../hooks/use-board-view'

/** A small eye: the page everyone is following. */
function ShownMark() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" className="size-4 shrink-0">
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  )
}

/**
 * The board's pages as buttons, grouped by board (the main board, breakout rooms). The page on the canvas
 * is marked `aria-current`; the page everyone follows carries an eye (said in words by the status line).
 */
export function PageList({
  groups,
  currentId,
  shownId,
  groupLabel,
  onSelect,
}: {
  groups: readonly PageGroup[]
  currentId: string | null
  shownId: string | null
  groupLabel: (group: PageGroup) => string
  onSelect: (pageId: string) => void
}) {
  const { t } = useTranslation()
  const labelled = groups.length > 1
  return (
    <nav aria-label={t('whiteboard.pages')} className="min-w-0 max-w-full">
      <div className="flex items-center gap-3 overflow-x-auto pb-1">
        {groups.map((group) => (
          <div key={group.roomId ?? 'main'} className="flex shrink-0 items-center gap-1">
            {labelled && (
              <span className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{groupLabel(group)}</span>
            )}
            <ul className="flex items-center gap-1" aria-label={labelled ? groupLabel(group) : undefined}>
              {group.pages.map((page) => {
                const current = page.id === currentId
                return (
                  <li key={page.id}>
                    <button
                      type="button"
                      aria-current={current ? 'true' : undefined}
                      onClick={() => onSelect(page.id)}
                      className={cn(
                        'inline-flex min-h-9 max-w-48 items-center gap-1 rounded-md border px-3 text-sm font-semibold',
                        current
                          ? 'border-brand-700 bg-brand-50 text-brand-800'
                          : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100',
                      )}
                    >
                      <span className="truncate">{page.title}</span>
                      {page.id === shownId && <ShownMark />}
                    </button>
                  </li>
                )
              })}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  )
}
