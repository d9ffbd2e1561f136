import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { CardGridSkeleton } from '@/components/ui/skeleton'

import { useUpcomingClasses } from '../api/get-classes'
import { useViewerTimeZone } from '../hooks/use-time-zones'
import { groupUpcoming, uniqueClasses, type UpcomingGroup } from '../utils/group-classes'
import { ClassList } from './class-list'
import { LoadMore } from './load-more'

function GroupSection({ group, now }: { group: UpcomingGroup; now: number }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t(`schedule.my.groups.${group.id}`)}
      </h2>
      <ClassList classes={group.classes} now={now} labelledBy={headingId} />
    </section>
  )
}

/** Classes not over yet, as Today / This week / Later. */
export function UpcomingClasses({ now }: { now: number }) {
  const { t } = useTranslation()
  const timeZone = useViewerTimeZone()
  const upcoming = useUpcomingClasses()

  if (upcoming.isPending) return <CardGridSkeleton label={t('common.loading')} cards={2} />
  if (upcoming.isError) {
    return (
      <LoadErrorAlert title={t('schedule.my.loadError')} error={upcoming.error} onRetry={() => void upcoming.refetch()} />
    )
  }
  const classes = uniqueClasses(upcoming.data.pages.map((page) => page.results))
  if (classes.length === 0) {
    return <EmptyState title={t('schedule.my.empty')}>{t('schedule.my.emptyHint')}</EmptyState>
  }
  return (
    <div className="space-y-8">
      {groupUpcoming(classes, now, timeZone).map((group) => (
        <GroupSection key={group.id} group={group} now={now} />
      ))}
      <LoadMore
        hasMore={upcoming.hasNextPage}
        loading={upcoming.isFetchingNextPage}
        onLoad={() => void upcoming.fetchNextPage()}
        label={t('schedule.my.upcomingLabel')}
      />
    </div>
  )
}
