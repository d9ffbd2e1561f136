import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'

import type { BoardView, PageGroup } from '../../hooks/use-board-view'
import type { Person } from '../../utils/protocol'
import { AccessControls } from './access-controls'
import { PageList } from './page-list'
import { RenamePageForm } from './rename-page-form'

export interface AccessProps {
  everyone: boolean
  allowed: readonly string[]
  students: readonly Person[]
  onEveryone: (everyone: boolean) => boolean
  onPermit: (userId: string, allowed: boolean) => void
}

/**
 * Above the canvas: the board's pages, what this person may do with them, and a line saying what everyone
 * else sees (or why this person cannot draw). Tutors' extra tools come in `tools`.
 */
export function BoardToolbar({
  view,
  tutor,
  groupLabel,
  canAddPage,
  canRename,
  onAddPage,
  onRename,
  onShow,
  access,
  tools,
}: {
  view: BoardView
  tutor: boolean
  groupLabel: (group: PageGroup) => string
  canAddPage: boolean
  canRename: boolean
  onAddPage: () => void
  onRename: (title: string) => void
  onShow: () => void
  /** The tutor's say over who draws (main board only). */
  access: AccessProps | null
  /** More tutor tools (slides, export). */
  tools?: ReactNode
}) {
  const { t } = useTranslation()
  const [renaming, setRenaming] = useState(false)
  const renameRef = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  const { page, shown } = view

  useEffect(() => {
    if (renaming || !refocus.current) return
    refocus.current = false
    renameRef.current?.focus()
  }, [renaming])

  const closeRename = () => {
    refocus.current = true
    setRenaming(false)
  }

  const onMain = page !== null && page.room_id === null
  const isShown = onMain && shown?.id === page.id

  let status: ReactNode = null
  if (view.block) {
    status = t(`whiteboard.readOnly.${view.block}`)
  } else if (page && !onMain) {
    status = tutor ? t('whiteboard.visiting') : t('whiteboard.roomBoard')
  }
  let follow: string | null = null
  if (onMain && shown) {
    if (tutor) follow = isShown ? t('whiteboard.shownHere') : t('whiteboard.shownElsewhere', { title: shown.title })
    else if (!view.following) follow = t('whiteboard.notFollowing', { title: page.title, shown: shown.title })
  }

  return (
    <div className="relative z-20 space-y-2 border-b border-slate-200 bg-white px-2 py-2 text-slate-900 sm:px-3">
      <div role="group" aria-label={t('whiteboard.controls')} className="flex flex-wrap items-center gap-2">
        {view.groups.some((group) => group.pages.length > 0) ? (
          <PageList
            groups={view.groups}
            currentId={page?.id ?? null}
            shownId={shown?.id ?? null}
            groupLabel={groupLabel}
            onSelect={view.select}
          />
        ) : (
          <p className="text-sm text-slate-700">{t('whiteboard.noPages')}</p>
        )}
        {canAddPage && (
          <Button variant="secondary" size="sm" onClick={onAddPage}>
            {t('whiteboard.addPage')}
          </Button>
        )}
        {canRename && page && !renaming && (
          <Button ref={renameRef} variant="secondary" size="sm" onClick={() => setRenaming(true)}>
            {t('whiteboard.rename')}
          </Button>
        )}
        {canRename && page && renaming && (
          <RenamePageForm key={page.id} title={page.title} onRename={onRename} onClose={closeRename} />
        )}
        {tutor && onMain && !isShown && (
          <Button variant="secondary" size="sm" onClick={onShow}>
            {t('whiteboard.show')}
          </Button>
        )}
        {!tutor && onMain && !view.following && (
          <Button size="sm" onClick={view.follow}>
            {t('whiteboard.follow')}
          </Button>
        )}
        {access && <AccessControls {...access} />}
        {tools}
      </div>
      {/* Always there, so that a change (the tutor shows another page) is read out. */}
      <p aria-live="polite" className={cn('flex flex-wrap gap-x-3 text-sm text-slate-700', !status && !follow && 'sr-only')}>
        {status && <span className={view.block ? 'font-semibold text-slate-900' : undefined}>{status}</span>}
        {follow && <span>{follow}</span>}
      </p>
    </div>
  )
}
