import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Select } from '@/components/ui/input'

import type { RecapBoard as Board, RecapRoom } from '../../api/types'
import { firstPageId, pageOptions, type PageOption } from '../../utils/recap'
import { BoardPageView } from './board-page-view'
import { RecapSection } from './recap-section'
import { roomName } from './room-name'

const STEP_CLASSES = 'aria-disabled:cursor-not-allowed aria-disabled:opacity-60 aria-disabled:hover:bg-white'

/**
 * The board's pages, one at a time: a picker (with previous / next) and the chosen page drawn read-only.
 * Breakout rooms' pages carry their room's name.
 */
export function RecapBoard({
  sessionId,
  classTitle,
  board,
  rooms,
}: {
  sessionId: string
  classTitle: string
  board: Board
  rooms: readonly RecapRoom[]
}) {
  const { t } = useTranslation()
  const selectId = useId()
  const options = pageOptions(board.pages, rooms)
  const [chosen, setChosen] = useState<string | null>(null)
  const pageId = chosen && options.some((option) => option.page.id === chosen) ? chosen : firstPageId(options, board.shown_page_id)
  const index = options.findIndex((option) => option.page.id === pageId)
  const current = options[index]

  // At either end the button stays focusable (aria-disabled) so the keyboard does not lose its place.
  const step = (by: number) => {
    const next = options[index + by]
    if (next) setChosen(next.page.id)
  }
  const label = (option: PageOption) =>
    option.room ? t('schedule.recap.board.roomPage', { title: option.page.title, room: roomName(t, option.room) }) : option.page.title

  return (
    <RecapSection title={t('schedule.recap.board.heading')}>
      {!current ? (
        <EmptyState title={t('schedule.recap.board.empty')} />
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
            <div className="w-full space-y-1 sm:w-auto sm:min-w-72">
              <label htmlFor={selectId} className="block font-medium text-slate-900">
                {t('schedule.recap.board.page')}
              </label>
              <Select id={selectId} value={current.page.id} onChange={(event) => setChosen(event.target.value)}>
                {options.map((option) => (
                  <option key={option.page.id} value={option.page.id}>
                    {label(option)}
                  </option>
                ))}
              </Select>
            </div>
            {options.length > 1 && (
              <div className="flex flex-wrap items-center gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  aria-disabled={index <= 0}
                  className={STEP_CLASSES}
                  onClick={() => step(-1)}
                >
                  <span aria-hidden="true" className="inline-block rtl:rotate-180">
                    ←
                  </span>
                  {t('schedule.recap.board.previous')}
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-disabled={index >= options.length - 1}
                  className={STEP_CLASSES}
                  onClick={() => step(1)}
                >
                  {t('schedule.recap.board.next')}
                  <span aria-hidden="true" className="inline-block rtl:rotate-180">
                    →
                  </span>
                </Button>
                <span className="text-sm text-slate-700" aria-live="polite">
                  {t('schedule.recap.board.position', { number: index + 1, total: options.length })}
                </span>
              </div>
            )}
          </div>
          <BoardPageView
            key={current.page.id}
            sessionId={sessionId}
            pageId={current.page.id}
            title={label(current)}
            fileName={`${classTitle} ${label(current)}`}
          />
        </div>
      )}
    </RecapSection>
  )
}
