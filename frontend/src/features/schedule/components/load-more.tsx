import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'

/** "Load more" under a list that has further pages. */
export function LoadMore({
  hasMore,
  loading,
  onLoad,
  label,
}: {
  hasMore: boolean
  loading: boolean
  onLoad: () => void
  /** Names the list when a page has several ("Load more past classes"). */
  label?: string
}) {
  const { t } = useTranslation()
  if (!hasMore) return null
  return (
    <div className="flex justify-center">
      <Button
        variant="secondary"
        loading={loading}
        loadingText={t('schedule.list.loadingMore')}
        aria-label={label ? t('schedule.list.loadMoreOf', { what: label }) : undefined}
        onClick={onLoad}
      >
        {t('schedule.list.loadMore')}
      </Button>
    </div>
  )
}
