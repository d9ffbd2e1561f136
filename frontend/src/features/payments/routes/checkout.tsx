import { useMemo } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'

import { EmptyState } from '@/components/ui/empty-state'
import { PageHeading } from '@/components/ui/page-heading'
import { useDocumentTitle } from '@/lib/use-document-title'

import { NewCheckout } from '../components/new-checkout'
import { OrderCheckout } from '../components/order-checkout'
import { usePaymentsTranslation } from '../i18n'
import { itemsFromSearch } from '../utils/checkout-items'

/** `/checkout?course=<slug>` (or `session=`, `listing=`) and `/checkout/<order id>`. */
export function CheckoutRoute() {
  const { t } = usePaymentsTranslation()
  const { orderId } = useParams()
  const [search] = useSearchParams()
  const query = search.toString()
  const items = useMemo(() => itemsFromSearch(new URLSearchParams(query)), [query])
  useDocumentTitle(t('payments.checkout.title'))

  if (orderId) return <OrderCheckout key={orderId} orderId={orderId} />
  if (items.length > 0) return <NewCheckout key={query} items={items} />
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeading>{t('payments.checkout.title')}</PageHeading>
      <EmptyState
        title={t('payments.checkout.nothing')}
        action={
          <Link to="/courses" className="link font-semibold">
            {t('payments.checkout.browse')}
          </Link>
        }
      />
    </div>
  )
}
