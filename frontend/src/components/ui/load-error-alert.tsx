import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { errorMessage } from '@/lib/api-messages'

import { Alert } from './alert'
import { Button } from './button'

/**
 * A list or page that failed to load: what failed (when a title is given), why, and a retry button.
 * The reason is the server's message unless `message` says something else.
 */
export function LoadErrorAlert({
  title,
  error,
  message,
  onRetry,
}: {
  title?: string
  error: unknown
  message?: ReactNode
  onRetry: () => void
}) {
  const { t } = useTranslation()
  return (
    <Alert
      tone="error"
      title={title}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    >
      {message ?? errorMessage(t, error)}
    </Alert>
  )
}
