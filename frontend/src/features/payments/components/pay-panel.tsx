import { Link } from 'react-router'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

import { usePaymentsTranslation } from '../i18n'
import { errorCode, paymentErrorMessage } from '../utils/payment-errors'

/**
 * The "Pay" button and what went wrong the last time it was pressed: the provider being down (the order is
 * kept; "Try again" pays it again), already owning the course (a link to it), or anything else.
 */
export function PayPanel({
  label,
  working,
  error,
  disabled,
  ownedPath,
  onPay,
}: {
  label: string
  working: boolean
  error: unknown
  disabled?: boolean
  ownedPath?: string | null
  onPay: () => void
}) {
  const { t } = usePaymentsTranslation()
  const code = errorCode(error)
  const owned = code === 'already_enrolled'

  return (
    <div className="space-y-4">
      {error !== null && error !== undefined && (
        <Alert
          tone="error"
          title={code === 'provider_unavailable' ? t('payments.checkout.providerDown') : undefined}
          action={
            owned ? (
              ownedPath && (
                <Link to={ownedPath} className="link font-semibold">
                  {t('payments.checkout.toCourse')}
                </Link>
              )
            ) : (
              <Button variant="secondary" size="sm" onClick={onPay} disabled={working || disabled}>
                {t('payments.checkout.tryAgain')}
              </Button>
            )
          }
        >
          {paymentErrorMessage(t, error)}
        </Alert>
      )}
      {!owned && (
        <Button
          size="lg"
          fullWidth
          onClick={onPay}
          disabled={disabled}
          loading={working}
          loadingText={t('payments.checkout.paying')}
        >
          {label}
        </Button>
      )}
    </div>
  )
}
