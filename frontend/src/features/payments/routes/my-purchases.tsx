import { Link, useSearchParams } from 'react-router'

import { CardGridSkeleton } from '@/components/ui/skeleton'
import { EmptyState } from '@/components/ui/empty-state'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useOrders } from '../api/get-orders'
import { PAGE_SIZE } from '../api/keys'
import { PurchaseCard } from '../components/purchase-card'
import { usePaymentsTranslation } from '../i18n'
import { pageFrom } from '../utils/page-param'

/** `/my/purchases`: the buyer's orders with their state, receipts, refunds and a way to pay those still open. */
export function MyPurchasesRoute() {
  const { t } = usePaymentsTranslation()
  const [search] = useSearchParams()
  const page = pageFrom(search)
  const orders = useOrders(page)
  useDocumentTitle(t('payments.purchases.title'))

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeading lead={t('payments.purchases.lead')}>{t('payments.purchases.title')}</PageHeading>
      {orders.isPending ? (
        <CardGridSkeleton label={t('payments.purchases.loading')} cards={2} />
      ) : orders.isError ? (
        <LoadErrorAlert title={t('payments.purchases.loadError')} error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.results.length === 0 ? (
        <EmptyState
          title={t('payments.purchases.empty')}
          action={
            <Link to="/courses" className="link font-semibold">
              {t('payments.checkout.browse')}
            </Link>
          }
        >
          {t('payments.purchases.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <ul className="space-y-4" aria-label={t('payments.purchases.listLabel')}>
            {orders.data.results.map((order) => (
              <li key={order.id}>
                <PurchaseCard order={order} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={Math.ceil(orders.data.count / PAGE_SIZE)}
            hrefFor={(target) => (target > 1 ? `?page=${target}` : '?')}
          />
        </>
      )}
    </div>
  )
}
