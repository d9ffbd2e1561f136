import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { PageHeading } from '@/components/ui/page-heading'

import type { LiveClass } from '../../api/types'
import { useClassTimes } from '../../hooks/use-class-times'
import { hasStarted } from '../../utils/entry-window'
import { ClassStatusBadge } from '../class-status-badge'

/** The class: title, status, when (in the viewer's zone), course and tutor; its tutors get the attendance. */
export function RecapHeader({ session, now }: { session: LiveClass; now: number }) {
  const { t } = useTranslation()
  const times = useClassTimes()
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <p className="text-sm font-semibold tracking-wide text-brand-800 uppercase">{t('schedule.recap.eyebrow')}</p>
        <PageHeading className="mb-0">
          <span dir="auto">{session.title}</span>
        </PageHeading>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-slate-700">
        <ClassStatusBadge session={session} now={now} />
        <time dateTime={session.starts_at}>{times.range(session.starts_at, session.ends_at)}</time>
      </div>
      <dl className="grid gap-1 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="text-sm font-medium text-slate-600">{t('schedule.card.course')}</dt>
        <dd>
          {session.course ? (
            <Link to={`/courses/${session.course.slug}`} className="link" dir="auto">
              {session.course.title}
            </Link>
          ) : (
            t('schedule.card.standalone')
          )}
        </dd>
        <dt className="text-sm font-medium text-slate-600">{t('schedule.card.tutor')}</dt>
        <dd dir="auto">{session.owner.full_name}</dd>
      </dl>
      <p className="text-sm text-slate-700">{t('schedule.card.zoneNote', { zone: times.timeZone })}</p>
      {session.viewer.can_manage && hasStarted(session, now) && (
        <p>
          <Link to={`/teaching/classes/${session.id}/attendance`} className="link inline-flex min-h-11 items-center">
            {t('schedule.recap.attendance')}
          </Link>
        </p>
      )}
    </div>
  )
}
