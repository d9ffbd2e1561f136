import type { ReactNode } from 'react'

import { Card } from '@/components/ui/card'
import { PageHeading } from '@/components/ui/page-heading'

import { usePaymentsTranslation } from '../i18n'

/** The checkout page's frame: the order on one side, how to pay on the other (stacked on phones). */
export function CheckoutLayout({ summary, payment }: { summary: ReactNode; payment?: ReactNode }) {
  const { t } = usePaymentsTranslation()
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeading lead={t('payments.checkout.lead')}>{t('payments.checkout.title')}</PageHeading>
      <div className="grid gap-6 md:grid-cols-[1fr_20rem]">
        <Card>
          <section aria-labelledby="checkout-summary" className="space-y-4">
            <h2 id="checkout-summary" className="text-lg font-semibold">
              {t('payments.checkout.summary')}
            </h2>
            {summary}
          </section>
        </Card>
        {payment && (
          <Card className="md:self-start">
            <section aria-labelledby="checkout-payment" className="space-y-4">
              <h2 id="checkout-payment" className="text-lg font-semibold">
                {t('payments.checkout.payment')}
              </h2>
              {payment}
            </section>
          </Card>
        )}
      </div>
    </div>
  )
}

export function SummarySkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="space-y-3">
      <p role="status" className="sr-only">
        {label}
      </p>
      <div aria-hidden="true" className="h-6 w-2/3 animate-pulse rounded-md bg-slate-200" />
      <div aria-hidden="true" className="h-6 w-1/3 animate-pulse rounded-md bg-slate-200" />
    </div>
  )
}
