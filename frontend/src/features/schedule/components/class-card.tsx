import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

import { Card } from '@/components/ui/card'
import { formatMoney } from '@/lib/format'

import type { LiveClass } from '../api/types'
import { useClassTimes } from '../hooks/use-class-times'
import { ClassStatusBadge } from './class-status-badge'
import { EnterClass } from './enter-class'

/** One class: what, which course, who teaches, when (viewer's zone), status, seats, and how to get in. */
export function ClassCard({
  session,
  now,
  headingLevel = 3,
  actions,
}: {
  session: LiveClass
  now: number
  headingLevel?: 2 | 3
  /** Tutors' own actions (edit, cancel, attendance), shown under the Enter button. */
  actions?: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const times = useClassTimes()
  const titleId = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'

  return (
    <Card className="flex h-full flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading id={titleId} className="min-w-0 text-lg font-semibold text-slate-900" dir="auto">
          {session.title}
        </Heading>
        <ClassStatusBadge session={session} now={now} />
      </div>
      <dl className="grid gap-1 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="text-sm font-medium text-slate-600">{t('schedule.card.when')}</dt>
        <dd>
          <time dateTime={session.starts_at} className={session.status === 'cancelled' ? 'line-through' : undefined}>
            {times.range(session.starts_at, session.ends_at)}
          </time>
        </dd>
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
        {session.capacity !== null && (
          <>
            <dt className="text-sm font-medium text-slate-600">{t('schedule.card.seats')}</dt>
            <dd>{t('schedule.card.seatsTaken', { taken: session.seats_taken, capacity: session.capacity })}</dd>
          </>
        )}
        {session.seat_price_amount > 0 && (
          <>
            <dt className="text-sm font-medium text-slate-600">{t('schedule.card.seatPrice')}</dt>
            <dd>{formatMoney(session.seat_price_amount, session.seat_currency, i18n.language)}</dd>
          </>
        )}
      </dl>
      {session.seat_price_amount > 0 && session.viewer.can_manage && (
        // Tutors share this link with the students they teach one to one.
        <p>
          <Link to={`/checkout?session=${session.id}`} className="link">
            {t('schedule.card.buyLink')}
          </Link>
        </p>
      )}
      <div className="mt-auto space-y-3 pt-1">
        <EnterClass session={session} now={now} describedBy={titleId} />
        {actions}
      </div>
    </Card>
  )
}
