import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Tabs } from '@/components/ui/tabs'

export interface RoomPanel<T extends string> {
  id: T
  label: string
  /** A count shown on the tab (people waiting, unread questions…); hidden from the tab's name. */
  count?: number
  render: () => ReactNode
}

/**
 * The room's panels as tabs: beside the stage on wide screens, under it on phones. New tools (polls,
 * questions, breakout rooms) plug in as one more entry in `panels`.
 */
export function SidePanel<T extends string>({
  panels,
  selected,
  onSelect,
}: {
  panels: readonly RoomPanel<T>[]
  selected: T
  onSelect: (id: T) => void
}) {
  const { t } = useTranslation()
  const current = panels.find((panel) => panel.id === selected) ?? panels[0]
  return (
    <aside className="min-w-0 rounded-lg border border-slate-200 bg-white px-4 pb-4 sm:pt-2">
      <Tabs
        wrap
        label={t('classroom.panels')}
        selected={current?.id ?? selected}
        onSelect={onSelect}
        tabs={panels.map((panel) => ({
          id: panel.id,
          label: (
            <span className="inline-flex items-center gap-2">
              {panel.label}
              {panel.count ? (
                <span
                  aria-hidden="true"
                  className="inline-flex min-w-6 items-center justify-center rounded-full bg-red-700 px-1.5 text-sm text-white"
                >
                  {panel.count}
                </span>
              ) : null}
            </span>
          ),
        }))}
      >
        {current?.render()}
      </Tabs>
    </aside>
  )
}
