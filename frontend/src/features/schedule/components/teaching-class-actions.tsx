import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { buttonClasses } from '@/components/ui/button-classes'

import type { LiveClass } from '../api/types'
import { hasStarted } from '../utils/entry-window'
import { CancelClassButton } from './cancel-class-button'
import { RecapLink } from './recap-link'

/** Edit and Cancel while a class can still change; Attendance and Recap once it has started. */
export function TeachingClassActions({ session, now }: { session: LiveClass; now: number }) {
  const { t } = useTranslation()
  const open = session.status === 'scheduled' || session.status === 'live'
  const started = hasStarted(session, now)
  if (!open && !started) return null
  return (
    <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
      {open && (
        <Link
          to={`/teaching/classes/${session.id}/edit`}
          className={buttonClasses({ variant: 'secondary', size: 'sm' })}
        >
          {t('schedule.teaching.edit')}
          <span className="sr-only">: {session.title}</span>
        </Link>
      )}
      {started && (
        <Link
          to={`/teaching/classes/${session.id}/attendance`}
          className={buttonClasses({ variant: 'secondary', size: 'sm' })}
        >
          {t('schedule.teaching.attendance')}
          <span className="sr-only">: {session.title}</span>
        </Link>
      )}
      {started && <RecapLink session={session} />}
      {open && <CancelClassButton session={session} />}
    </div>
  )
}
