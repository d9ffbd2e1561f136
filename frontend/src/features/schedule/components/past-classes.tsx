import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { CardGridSkeleton } from '@/components/ui/skeleton'

import { usePastClasses } from '../api/get-classes'
import { hasStarted } from '../utils/entry-window'
import { isOver, uniqueClasses } from '../utils/group-classes'
import { ClassList } from './class-list'
import { LoadMore } from './load-more'
import { RecapLink } from './recap-link'

/** Classes whose time is over, latest first, a page at a time, each that took place with its recap. */
export function PastClasses({ now }: { now: number }) {
  const { t } = useTranslation()
  const headingId = useId()
  const past = usePastClasses()
  const classes = past.data
    ? uniqueClasses(past.data.pages.map((page) => page.results)).filter((session) => isOver(session, now))
    : []

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('schedule.my.groups.past')}
      </h2>
      {past.isPending ? (
        <CardGridSkeleton label={t('common.loading')} cards={2} />
      ) : past.isError ? (
        <LoadErrorAlert title={t('schedule.my.pastLoadError')} error={past.error} onRetry={() => void past.refetch()} />
      ) : classes.length === 0 && !past.hasNextPage ? (
        <p className="text-slate-700">{t('schedule.my.pastEmpty')}</p>
      ) : (
        <>
          <ClassList
            classes={classes}
            now={now}
            labelledBy={headingId}
            actions={(session) => (hasStarted(session, now) ? <RecapLink session={session} /> : null)}
          />
          <LoadMore
            hasMore={past.hasNextPage}
            loading={past.isFetchingNextPage}
            onLoad={() => void past.fetchNextPage()}
            label={t('schedule.my.pastLabel')}
          />
        </>
      )}
    </section>
  )
}
