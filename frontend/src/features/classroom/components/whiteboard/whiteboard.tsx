import '@excalidraw/excalidraw/index.css'

import { Excalidraw, MainMenu } from '@excalidraw/excalidraw'
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

import { Spinner } from '@/components/ui/spinner'
import { notify } from '@/lib/notices'

import { useAdmittedRoom } from '../../hooks/room-context'
import { useBoardExport } from '../../hooks/use-board-export'
import { useBoardFiles } from '../../hooks/use-board-files'
import { useBoardSlides } from '../../hooks/use-board-slides'
import { useBoardSync } from '../../hooks/use-board-sync'
import { useBoardView, type PageGroup } from '../../hooks/use-board-view'
import { mainPages } from '../../utils/board-state'
import type { BoardSyncAction } from '../../utils/board-sync'
import { roomNumber } from '../../utils/breakout-state'
import { BOARD_MAX_PAGES } from '../../utils/protocol'
import { BoardToolbar } from './board-toolbar'
import { ExportMenu } from './export-menu'
import { SlideButton } from './slide-button'

/** How long an added page may take to arrive before this person stops waiting to open it. */
const PAGE_WAIT_MS = 15_000

/** Excalidraw's menu button has an icon and no name: it gets one, whenever Excalidraw draws it anew. */
function useNamedMenuButton(container: RefObject<HTMLElement | null>, name: string) {
  useEffect(() => {
    const root = container.current
    if (!root) return
    const label = () => {
      for (const button of root.querySelectorAll('.main-menu-trigger')) {
        if (button.getAttribute('aria-label') !== name) button.setAttribute('aria-label', name)
      }
    }
    label()
    const observer = new MutationObserver(label)
    observer.observe(root, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [container, name])
}

/**
 * The class whiteboard: an Excalidraw canvas kept in step with everyone in the class, with the board's pages
 * and the tutor's tools above it. Loaded on demand (see `LazyWhiteboard`).
 */
export default function Whiteboard() {
  const { t } = useTranslation()
  const { state, me, session, connection, act } = useAdmittedRoom()
  const view = useBoardView()
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null)
  const canvasRef = useRef<HTMLDivElement>(null)
  useNamedMenuButton(canvasRef, t('whiteboard.canvasMenu'))
  const live = connection.state === 'live'
  const page = view.page
  const canDraw = page !== null && view.block === null

  const files = useBoardFiles({ sessionId: session.id, api, canUpload: canDraw })
  // Strokes wait quietly while the room reconnects (no "you're offline" notice every 150 ms).
  const send = (action: BoardSyncAction) => live && act(action)
  const board = useBoardSync({
    sessionId: session.id,
    api,
    pageId: page?.id ?? null,
    canDraw,
    live,
    send,
    onShown: files.fetchMissing,
    onOversized: () => notify(t('whiteboard.images.tooBig'), 'error'),
  })
  const slides = useBoardSlides({ api, sync: board.sync, loaded: board.loaded, view, act })
  const main = state.board ? mainPages(state.board) : []
  const exporter = useBoardExport({ sessionId: session.id, sessionTitle: session.title, api, sync: board.sync, pages: main })

  // A page added from here opens as soon as it arrives.
  const contextPages = view.groups[0]?.pages ?? []
  const [expecting, setExpecting] = useState<ReadonlySet<string> | null>(null)
  if (expecting) {
    const added = contextPages.find((p) => !expecting.has(p.id))
    if (added) {
      setExpecting(null)
      view.select(added.id)
    }
  }
  // Refused (the board is full): stop waiting, so that someone else's next page does not pull this person.
  useEffect(() => {
    if (!expecting) return
    const timer = setTimeout(() => setExpecting(null), PAGE_WAIT_MS)
    return () => clearTimeout(timer)
  }, [expecting])

  const myRoomId = state.breakout?.myRoomId ?? null
  const inOwnRoom = view.roomId !== null && view.roomId === myRoomId
  const canAddPage = (me.tutor || inOwnRoom) && contextPages.length < BOARD_MAX_PAGES
  const canRename = page !== null && (me.tutor || (page.room_id !== null && page.room_id === myRoomId))

  const addPage = () => {
    const title = t('whiteboard.newPageTitle', { number: contextPages.length + 1 })
    const sent = act({ type: 'board.page.add', title, ...(view.roomId ? { room_id: view.roomId } : {}) })
    if (sent) setExpecting(new Set(contextPages.map((p) => p.id)))
  }

  const groupLabel = (group: PageGroup): string => {
    if (group.roomId === null) return t('whiteboard.mainBoard')
    const number = roomNumber(state, group.roomId)
    if (number !== null) return t('whiteboard.room', { number })
    return group.pages[0]?.title ?? t('whiteboard.breakoutRoom')
  }

  const access =
    me.tutor && state.board && page?.room_id === null
      ? {
          everyone: state.board.everyone,
          allowed: state.board.allowed,
          students: state.participants.filter((person) => person.role === 'student'),
          onEveryone: (everyone: boolean) => act({ type: 'board.access', everyone }),
          onPermit: (userId: string, allowed: boolean) => act({ type: 'board.permit', user_id: userId, allowed }),
        }
      : null

  return (
    <section
      aria-label={t('whiteboard.label')}
      data-element-count={board.elementCount}
      data-page-id={page?.id ?? ''}
      data-loaded={board.loaded ? 'true' : 'false'}
      className="flex size-full min-h-0 flex-col bg-white"
    >
      <BoardToolbar
        view={view}
        tutor={me.tutor}
        groupLabel={groupLabel}
        canAddPage={canAddPage}
        canRename={canRename}
        onAddPage={addPage}
        onRename={(title) => page && act({ type: 'board.page.rename', page_id: page.id, title })}
        onShow={() => page && act({ type: 'board.page.show', page_id: page.id })}
        access={access}
        tools={
          me.tutor ? (
            <>
              <SlideButton busy={slides.busy} onChoose={(file) => void slides.addSlide(file)} />
              <ExportMenu
                progress={exporter.progress}
                onPng={() => void exporter.downloadPng(page)}
                onPdf={() => void exporter.exportPdf({ save: false })}
                onSave={() => void exporter.exportPdf({ save: true })}
              />
            </>
          ) : null
        }
      />
      {/* Excalidraw has no Urdu and lays itself out left to right. */}
      <div ref={canvasRef} dir="ltr" className="relative isolate min-h-0 flex-1">
        <Excalidraw
          excalidrawAPI={setApi}
          onChange={(elements, _appState, binaryFiles) => {
            board.onChange(elements)
            files.onFiles(binaryFiles)
          }}
          viewModeEnabled={!canDraw}
          name={page?.title ?? t('whiteboard.label')}
          theme="light"
          aiEnabled={false}
          UIOptions={{
            canvasActions: { loadScene: false, saveToActiveFile: false, export: false, toggleTheme: null },
            tools: { image: canDraw },
          }}
        >
          <MainMenu>
            <MainMenu.DefaultItems.SaveAsImage />
            {canDraw && <MainMenu.DefaultItems.ClearCanvas />}
            <MainMenu.DefaultItems.Help />
          </MainMenu>
        </Excalidraw>
        {page && !board.loaded && (
          <div className="pointer-events-none absolute inset-x-0 top-16 z-10 flex justify-center">
            <span role="status" className="inline-flex items-center gap-2 rounded-md bg-white/90 px-3 py-2 text-sm text-slate-800 shadow">
              <Spinner size="sm" />
              {t('whiteboard.pageLoading')}
            </span>
          </div>
        )}
      </div>
    </section>
  )
}
