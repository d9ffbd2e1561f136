import type { UseQueryResult } from '@tanstack/react-query'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import type { Recording } from '@/api/recordings/types'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { isApiError } from '@/lib/errors'

import { RecordingCard } from './recording-card'

/**
 * A titled list of recordings (a class's, or a course's) with its loading, error and empty states.
 * With `hideWhenEmpty` nothing shows until there is a recording (students, who only see ready ones).
 */
export function RecordingsSection({
  query,
  canManage,
  title,
  empty,
  hideWhenEmpty = false,
  anchor,
  headingClassName = 'text-2xl font-bold',
}: {
  query: UseQueryResult<Recording[]>
  canManage: boolean
  title: string
  empty: string
  hideWhenEmpty?: boolean
  /** The section's id, so a link can lead to it (`#recordings`); it is scrolled to once loaded. */
  anchor?: string
  headingClassName?: string
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const sectionRef = useRef<HTMLElement>(null)
  const loaded = query.isSuccess
  useEffect(() => {
    if (loaded && anchor && window.location.hash === `#${anchor}`) sectionRef.current?.scrollIntoView?.()
  }, [loaded, anchor])
  // Signed links expire; a player that fails asks for fresh ones once per list.
  const refreshed = useRef(false)
  const onPlayerError = () => {
    if (refreshed.current) return
    refreshed.current = true
    void query.refetch()
  }
  const recordings = query.data ?? []
  if (hideWhenEmpty && query.isSuccess && recordings.length === 0) return null
  // Nothing to show and nothing to do: students with no ready recording, or a class without any to see.
  if (query.isError && (hideWhenEmpty || (isApiError(query.error) && query.error.status === 404))) return null

  return (
    <section ref={sectionRef} id={anchor} aria-labelledby={headingId} className="space-y-4" data-testid="recordings">
      <h2 id={headingId} className={headingClassName}>
        {title}
      </h2>
      {query.isPending ? (
        <div aria-busy="true">
          <p role="status" className="sr-only">
            {t('common.loading')}
          </p>
          <Skeleton className="h-40" />
        </div>
      ) : query.isError ? (
        <LoadErrorAlert
          title={t('classroom.recordings.loadError')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : recordings.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <ul className="space-y-4">
          {recordings.map((recording) => (
            <li key={recording.id}>
              <RecordingCard recording={recording} canManage={canManage} onPlayerError={onPlayerError} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
