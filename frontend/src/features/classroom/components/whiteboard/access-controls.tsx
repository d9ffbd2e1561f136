import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { cn } from '@/components/ui/cn'

import type { Person } from '../../utils/protocol'
import { Popover } from '../popover'

/** How long to show a choice the server has not confirmed. */
const CONFIRM_WAIT_MS = 5000

/**
 * The tutor's say over who draws on the main board: everyone at once, or students one by one (a list of
 * toggle buttons in a popover that stays open while choosing).
 */
export function AccessControls({
  everyone,
  allowed,
  students,
  onEveryone,
  onPermit,
}: {
  everyone: boolean
  allowed: readonly string[]
  students: readonly Person[]
  /** Returns whether the choice went out. */
  onEveryone: (everyone: boolean) => boolean
  onPermit: (userId: string, allowed: boolean) => void
}) {
  const { t } = useTranslation()
  const checkboxId = useId()
  // The box shows the tutor's choice at once; the server's `board.access` confirms it (or, if it never
  // comes, the box goes back to what the server last said).
  const [asked, setAsked] = useState<boolean | null>(null)
  const [confirmed, setConfirmed] = useState(everyone)
  if (confirmed !== everyone) {
    setConfirmed(everyone)
    setAsked(null)
  }
  useEffect(() => {
    if (asked === null) return
    const timer = setTimeout(() => setAsked(null), CONFIRM_WAIT_MS)
    return () => clearTimeout(timer)
  }, [asked])
  const count = students.filter((student) => allowed.includes(student.user_id)).length
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex min-h-9 items-center gap-2 rounded-md border border-slate-300 px-3">
        <input
          id={checkboxId}
          type="checkbox"
          checked={asked ?? everyone}
          onChange={(event) => {
            const next = event.target.checked
            if (onEveryone(next)) setAsked(next)
          }}
          className="size-4 accent-brand-700"
        />
        <label htmlFor={checkboxId} className="text-sm font-semibold text-slate-800">
          {t('whiteboard.access.everyone')}
        </label>
      </div>
      <Popover label={t('whiteboard.access.who')} buttonClassName="min-h-9 px-3 text-sm">
        <div className="max-h-64 w-64 overflow-y-auto p-1">
          {everyone ? (
            <p className="p-2 text-sm text-slate-700">{t('whiteboard.access.everyoneOn')}</p>
          ) : students.length === 0 ? (
            <p className="p-2 text-sm text-slate-700">{t('whiteboard.access.noStudents')}</p>
          ) : (
            <>
              <p className="px-2 pt-1 pb-2 text-xs text-slate-600">{t('whiteboard.access.allowedCount', { count })}</p>
              <ul className="space-y-1">
                {students.map((student) => {
                  const may = allowed.includes(student.user_id)
                  return (
                    <li key={student.user_id}>
                      <button
                        type="button"
                        aria-pressed={may}
                        onClick={() => onPermit(student.user_id, !may)}
                        className={cn(
                          'flex min-h-11 w-full items-center justify-between gap-2 rounded px-3 text-start text-sm hover:bg-slate-100',
                          may ? 'font-semibold text-brand-800' : 'text-slate-900',
                        )}
                      >
                        <span className="truncate">{student.name}</span>
                        <span aria-hidden="true" className="shrink-0 text-xs text-slate-600">
                          {may ? t('whiteboard.access.allowed') : t('whiteboard.access.notAllowed')}
                        </span>
                      </button>
                    </li>
                  )
                })}
              </ul>
            </>
          )}
        </div>
      </Popover>
    </div>
  )
}
