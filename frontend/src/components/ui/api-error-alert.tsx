import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import { errorMessage } from '@/lib/api-messages'

import { Alert } from './alert'

/** The translated message for a failed API call, plus any messages not tied to a field. */
export function ApiErrorAlert({
  error,
  extraMessages = [],
  action,
  className,
}: {
  error: unknown
  extraMessages?: string[]
  action?: ReactNode
  className?: string
}) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <Alert tone="error" action={action} className={className}>
      <p>{errorMessage(t, error)}</p>
      {extraMessages.length > 0 && (
        <ul className="mt-1 list-disc ps-5">
          {extraMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
