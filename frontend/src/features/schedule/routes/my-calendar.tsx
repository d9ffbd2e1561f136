import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { CalendarFeedPanel } from '../components/calendar-feed-panel'

/** `/my/calendar`: the private iCalendar feed of the viewer's classes. */
export function MyCalendarRoute() {
  const { t } = useTranslation()
  useDocumentTitle(t('schedule.calendar.title'))
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/my/classes" className="link inline-flex min-h-11 items-center gap-1">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">
          ←
        </span>
        {t('schedule.calendar.back')}
      </Link>
      <PageHeading lead={t('schedule.calendar.lead')}>{t('schedule.calendar.title')}</PageHeading>
      <CalendarFeedPanel />
    </div>
  )
}
