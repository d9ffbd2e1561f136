import type { UseMutationResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'

import { Button } from '@/components/ui/button'
import { notify } from '@/lib/notices'

import { classErrorMessage } from '../utils/class-errors'

/** Starts a spreadsheet download; a failure is told in a toast. */
export function DownloadButton({
  download,
  label,
  size = 'md',
}: {
  download: UseMutationResult<Blob, Error, void>
  label: string
  size?: 'sm' | 'md'
}) {
  const { t } = useTranslation()
  return (
    <Button
      variant="secondary"
      size={size}
      loading={download.isPending}
      onClick={() =>
        download.mutate(undefined, {
          onError: (error) => notify(t('schedule.attendance.downloadFailed', { reason: classErrorMessage(t, error) }), 'error'),
        })
      }
    >
      {label}
    </Button>
  )
}
