import { useTranslation } from 'react-i18next'

import { Badge } from '@/components/ui/badge'

import type { LiveClass } from '../api/types'

/**
 * Live now / scheduled / ended / cancelled. A class still marked scheduled once its time is over
 * never ran, and reads as ended.
 */
export function ClassStatusBadge({ session, now }: { session: Pick<LiveClass, 'status' | 'ends_at'>; now: number }) {
  const { t } = useTranslation()
  const status = session.status === 'scheduled' && Date.parse(session.ends_at) < now ? 'ended' : session.status
  switch (status) {
    case 'live':
      return (
        <Badge tone="brand">
          <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-brand-700" />
          {t('schedule.status.live')}
        </Badge>
      )
    case 'scheduled':
      return <Badge tone="info">{t('schedule.status.scheduled')}</Badge>
    case 'cancelled':
      return <Badge tone="danger">{t('schedule.status.cancelled')}</Badge>
    case 'ended':
      return <Badge tone="neutral">{t('schedule.status.ended')}</Badge>
  }
}
