import { useRef } from 'react'

import { Alert } from '@/components/ui/alert'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Skeleton } from '@/components/ui/skeleton'
import { formatClock } from '@/lib/format'

import { useListingContent } from '../api/listings'
import { useEarningsT } from '../i18n'
import { Section } from './section'

/** The recordings and lessons of a listing, with players, for its buyers and its tutor. */
export function ListingContentView({ slug }: { slug: string }) {
  const { t } = useEarningsT()
  const content = useListingContent(slug, true)
  const refreshed = useRef(false)
  if (content.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="sr-only">
          {t('earnings.common.loading')}
        </p>
        <Skeleton className="aspect-video w-full" />
      </div>
    )
  }
  if (content.isError) {
    return <LoadErrorAlert title={t('earnings.listing.contentError')} error={content.error} onRetry={() => void content.refetch()} />
  }
  const { recordings, lessons } = content.data
  // Signed links expire: a player that cannot load asks for fresh ones, once (a broken file stays broken).
  const refresh = () => {
    if (refreshed.current) return
    refreshed.current = true
    void content.refetch()
  }
  return (
    <div className="space-y-8">
      {recordings.length > 0 && (
        <Section title={t('earnings.listing.recordingsTitle')}>
          <ul className="space-y-6">
            {recordings.map((recording) => (
              <li key={recording.id} className="space-y-2">
                <h3 className="font-semibold text-slate-900">
                  <span dir="auto">{recording.title}</span>
                  {recording.duration_seconds !== null && (
                    <span className="ms-2 text-sm font-normal text-slate-700">{formatClock(recording.duration_seconds)}</span>
                  )}
                </h3>
                {recording.video_url ? (
                  <video
                    controls
                    preload="metadata"
                    src={recording.video_url}
                    poster={recording.thumbnail_url ?? undefined}
                    onError={refresh}
                    aria-label={recording.title}
                    className="aspect-video w-full rounded-lg bg-black"
                  />
                ) : (
                  <Alert tone="info">{t('earnings.listing.notReady')}</Alert>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {lessons.length > 0 && (
        <Section title={t('earnings.listing.lessonsTitle')}>
          <ul className="space-y-6">
            {lessons.map((lesson) => (
              <li key={lesson.id} className="space-y-2">
                <h3 className="font-semibold text-slate-900" dir="auto">
                  {lesson.title}
                </h3>
                {lesson.video_url ? (
                  <video
                    controls
                    preload="metadata"
                    src={lesson.video_url}
                    onError={refresh}
                    aria-label={lesson.title}
                    className="aspect-video w-full rounded-lg bg-black"
                  />
                ) : (
                  <Alert tone="info">{t('earnings.listing.notReady')}</Alert>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {recordings.length === 0 && lessons.length === 0 && <Alert tone="info">{t('earnings.listing.nothingInside')}</Alert>}
    </div>
  )
}
