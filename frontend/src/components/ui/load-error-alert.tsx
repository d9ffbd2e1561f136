import { useTranslation } from 'react-i18next'

import { errorMessage } from '@/lib/api-messages'

import { Alert } from './alert'
import { Button } from './button'

/** A list or page that failed to load: what failed, why, and a retry button. */
export function LoadErrorAlert({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
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
      {errorMessage(t, error)}
    </Alert>
  )
}
