import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { ButtonLink } from '@/components/ui/button'
import { PageHeading } from '@/components/ui/page-heading'
import { useAuth } from '@/lib/auth/auth-context'
import { useDocumentTitle } from '@/lib/use-document-title'

import { PastClasses } from '../components/past-classes'
import { UpcomingClasses } from '../components/upcoming-classes'
import { useClassTimes } from '../hooks/use-class-times'
import { useNow } from '../hooks/use-now'

/** `/my/classes`: every signed-in person's live classes, to come and past. */
export function MyClassesRoute() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const teaches = user?.role === 'tutor' || user?.role === 'admin'
  const now = useNow()
  const times = useClassTimes()
  useDocumentTitle(t('schedule.my.title'))

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading lead={t('schedule.my.lead')} className="mb-0">
          {t('schedule.my.title')}
        </PageHeading>
        {teaches && <ButtonLink to="/teaching/classes/new">{t('schedule.teaching.schedule')}</ButtonLink>}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-sm text-slate-700">
        <p>{t('schedule.card.zoneNote', { zone: times.timeZone })}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link to="/my/calendar" className="link inline-flex min-h-11 items-center">
            {t('schedule.my.calendarLink')}
          </Link>
          {teaches && (
            <Link to="/teaching/classes" className="link inline-flex min-h-11 items-center">
              {t('schedule.nav.teachingClasses')}
            </Link>
          )}
        </p>
      </div>
      <UpcomingClasses now={now} />
      <PastClasses now={now} />
    </div>
  )
}
