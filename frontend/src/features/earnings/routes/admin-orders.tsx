import { useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'

import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { TextField } from '@/components/ui/field'
import { LoadErrorAlert } from '@/components/ui/load-error-alert'
import { PageHeading } from '@/components/ui/page-heading'
import { Pagination } from '@/components/ui/pagination'
import { Skeleton } from '@/components/ui/skeleton'
import { useDocumentTitle } from '@/lib/use-document-title'

import { useAdminOrders } from '../api/get-admin-orders'
import { pageCount } from '../api/keys'
import { ORDER_STATUSES, type AdminOrder, type OrderStatus } from '../api/types'
import { AdminOrderCard } from '../components/admin-order-card'
import { AdminsOnly } from '../components/not-allowed'
import { RefundDialog } from '../components/refund-dialog'
import { StatusFilter } from '../components/status-filter'
import { useEarningsT } from '../i18n'
import { pageParam, withQuery } from '../utils/page-param'
import { useIsAdmin } from '../utils/use-is-admin'

function isStatus(value: string | null): value is OrderStatus {
  return (ORDER_STATUSES as readonly (string | null)[]).includes(value)
}

function OrderList() {
  const { t } = useEarningsT()
  const [params, setParams] = useSearchParams()
  const raw = params.get('status')
  const status = isStatus(raw) ? raw : ''
  const q = params.get('q') ?? ''
  const page = pageParam(params)
  const orders = useAdminOrders(status, q, page)
  const [search, setSearch] = useState(q)
  const [refunding, setRefunding] = useState<AdminOrder | null>(null)

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const next: Record<string, string> = {}
    if (status) next.status = status
    if (search.trim()) next.q = search.trim()
    setParams(next)
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <StatusFilter
          label={t('earnings.adminOrders.filter')}
          allLabel={t('earnings.adminOrders.all')}
          value={status}
          statuses={ORDER_STATUSES}
          labelFor={(value) => t(`earnings.orderStatus.${value}`)}
          onChange={(next) => {
            const query: Record<string, string> = {}
            if (next) query.status = next
            if (q) query.q = q
            setParams(query, { replace: true })
          }}
        />
        <form role="search" onSubmit={onSearch} className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
          <TextField
            label={t('earnings.adminOrders.search')}
            hint={t('earnings.adminOrders.searchHint')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="flex-1 sm:w-72"
          />
          <Button type="submit" variant="secondary">
            {t('earnings.adminOrders.searchButton')}
          </Button>
        </form>
      </div>
      {orders.isPending ? (
        <div aria-busy="true" className="space-y-4">
          <p role="status" className="sr-only">
            {t('earnings.common.loading')}
          </p>
          <Skeleton className="h-48" />
        </div>
      ) : orders.isError ? (
        <LoadErrorAlert title={t('earnings.adminOrders.loadError')} error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.results.length === 0 ? (
        <EmptyState title={q || status ? t('earnings.adminOrders.noMatch') : t('earnings.adminOrders.empty')} />
      ) : (
        <>
          <p className="text-sm text-slate-700" role="status">
            {t('earnings.adminOrders.count', { count: orders.data.count })}
          </p>
          <ul className="space-y-4" aria-label={t('earnings.adminOrders.listLabel')}>
            {orders.data.results.map((order) => (
              <li key={order.id}>
                <AdminOrderCard order={order} onRefund={() => setRefunding(order)} />
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={pageCount(orders.data.count)}
            hrefFor={(n) => withQuery('/manage/orders', { status, q, page: n })}
          />
        </>
      )}
      {refunding && <RefundDialog key={refunding.id} order={refunding} onClose={() => setRefunding(null)} />}
    </div>
  )
}

/** `/manage/orders?status=&q=`: every order with its buyer, items and total; refunds in full or in part (admins). */
export function AdminOrdersRoute() {
  const { t } = useEarningsT()
  const isAdmin = useIsAdmin()
  useDocumentTitle(t('earnings.adminOrders.title'))
  if (!isAdmin) return <AdminsOnly />
  return (
    <div className="space-y-6">
      <PageHeading lead={t('earnings.adminOrders.lead')}>{t('earnings.adminOrders.title')}</PageHeading>
      <OrderList />
    </div>
  )
}
