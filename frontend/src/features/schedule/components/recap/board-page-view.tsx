import { useTranslation } from 'react-i18next'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { DownloadIcon } from '@/components/ui/icons'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { Spinner } from '@/components/ui/spinner'
import { notify } from '@/lib/notices'

import { useBoardPicture, useBoardPng } from '../../hooks/use-board-picture'

/**
 * One board page, read-only, as an image named for the page, with the words written on it for screen
 * readers and a PNG download.
 */
export function BoardPageView({
  sessionId,
  pageId,
  title,
  fileName,
}: {
  sessionId: string
  pageId: string
  /** The page's name as the viewer reads it (with its breakout room's). */
  title: string
  fileName: string
}) {
  const { t } = useTranslation()
  const state = useBoardPicture(sessionId, pageId)
  const png = useBoardPng()

  if (state.status === 'loading') {
    return (
      <div aria-busy="true" className="flex min-h-64 items-center justify-center rounded-lg border border-slate-200 bg-white text-brand-700">
        <Spinner size="lg" label={t('schedule.recap.board.loading')} />
      </div>
    )
  }
  if (state.status === 'error') {
    return <LoadErrorAlert title={t('schedule.recap.board.loadError')} error={state.error} onRetry={state.retry} />
  }
  if (state.status === 'empty') return <EmptyState title={t('schedule.recap.board.emptyPage')} />

  const { picture, elements, files, missing, texts } = state
  return (
    <div className="space-y-3">
      {missing.length > 0 && (
        <Alert
          tone="warning"
          action={
            <Button variant="secondary" size="sm" onClick={state.retryMissing}>
              {t('common.retry')}
            </Button>
          }
        >
          {t('schedule.recap.board.missing', { count: missing.length })}
        </Alert>
      )}
      <div className="overflow-auto rounded-lg border border-slate-200 bg-white p-2">
        <img
          src={picture.url}
          alt={t('schedule.recap.board.pageName', { title })}
          width={picture.width ?? undefined}
          height={picture.height ?? undefined}
          className="mx-auto h-auto max-w-full"
        />
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        {texts.length > 0 ? (
          <details className="min-w-0 flex-1 text-slate-800">
            <summary className="min-h-11 cursor-pointer py-2 font-medium text-slate-900">
              {t('schedule.recap.board.texts')}
            </summary>
            <ul className="list-disc space-y-1 ps-6">
              {texts.map((text, index) => (
                <li key={index} className="break-words whitespace-pre-wrap" dir="auto">
                  {text}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <span />
        )}
        <Button
          variant="secondary"
          size="sm"
          loading={png.isPending}
          onClick={() =>
            png.mutate(
              { elements, files, name: fileName },
              { onError: () => notify(t('schedule.recap.board.downloadFailed'), 'error') },
            )
          }
        >
          <DownloadIcon className="size-4" />
          {t('schedule.recap.board.download')}
        </Button>
      </div>
    </div>
  )
}
